-- Issue 21's money and documents: batch mode answers an order sent again as before.

-- A staged order sent again is answered with the tracking id it was given (BookingStage).
CREATE INDEX staged_order_key ON staged_order (source, order_id);

-- Shipments are one per ERP order and tracking number: the warehouse (or an administrator, by API
-- and then by command line) recording the same parcel twice gives one shipped notice.
ALTER TABLE shipment ADD COLUMN tracking_number VARCHAR(60);
CREATE UNIQUE INDEX shipment_parcel ON shipment (erp_order_number, tracking_number);

-- The demo warehouse's shipments (POST /admin/erp/shipments, hub admin ship), claimed per order and
-- tracking number before the ERP is written; shipment_number is null while it is being written.
CREATE TABLE warehouse_shipment (
    erp_order_number  VARCHAR(20)  NOT NULL,
    tracking_number   VARCHAR(60)  NOT NULL,
    shipment_number   BIGINT,
    claimed_at        TIMESTAMP    NOT NULL,
    PRIMARY KEY (erp_order_number, tracking_number)
);
