-- What an ERP that numbers orders after the hub booked them said about each (an interface table's
-- import job, or the confirmation files of an ERP that imports files): taken once per order and
-- outcome, however often the ERP's row or file is read. (V8, not V7: V7 is the shops' on main.)
CREATE TABLE erp_confirmation (
    source            VARCHAR(35)  NOT NULL,
    order_id          VARCHAR(35)  NOT NULL,
    erp_order_number  VARCHAR(20),
    status            VARCHAR(16)  NOT NULL,     -- the hub's OrderStatus: BOOKED, or CANCELLED when the ERP refused it
    message           VARCHAR(1000),
    received_at       TIMESTAMP    NOT NULL,
    PRIMARY KEY (source, order_id)
);

-- The order files written for an ERP that imports files: which file holds which order under which
-- reference, and the canonical order, for its confirmation to be followed up even when the ERP
-- refused it (then it is in none of the ERP's tables).
CREATE TABLE erp_order_file (
    source      VARCHAR(35)      NOT NULL,
    order_id    VARCHAR(35)      NOT NULL,
    reference   VARCHAR(20)      NOT NULL,
    file_name   VARCHAR(255)     NOT NULL,
    order_json  VARCHAR(1000000) NOT NULL,
    written_at  TIMESTAMP        NOT NULL,
    PRIMARY KEY (source, order_id)
);
