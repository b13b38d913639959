-- The hub's own store: what it must remember to never lose or repeat work.

-- One row per order the hub has taken on; the claim makes booking exactly-once across
-- channels, re-deliveries and restarts.
CREATE TABLE order_booking (
    source        VARCHAR(35)  NOT NULL,
    order_id      VARCHAR(35)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,      -- CLAIMED while booking, BOOKED after
    erp_order_no  VARCHAR(20),
    claimed_at    TIMESTAMP    NOT NULL,
    booked_at     TIMESTAMP,
    PRIMARY KEY (source, order_id)
);

-- Camel's JDBC idempotent repository (camel-sql JdbcMessageIdRepository's table and columns).
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255) NOT NULL,
    messageId     VARCHAR(100) NOT NULL,
    createdAt     TIMESTAMP    NOT NULL,
    PRIMARY KEY (processorName, messageId)
);
