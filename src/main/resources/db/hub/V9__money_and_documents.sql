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

-- Each invoice's tax as its rules decided it (README "Tax rules"): category (UNCL 5305: S taxed,
-- K intra-community supply, G export), rate, and the VAT ids it states, which the partner's
-- INVOIC/810 repeats. Invoices issued before carried the one configured rate.
ALTER TABLE invoice ADD COLUMN tax_category CHAR(1);
ALTER TABLE invoice ADD COLUMN tax_rate DECIMAL(7,4);
ALTER TABLE invoice ADD COLUMN seller_vat_id VARCHAR(70);
ALTER TABLE invoice ADD COLUMN buyer_vat_id VARCHAR(70);
UPDATE invoice SET tax_category = 'S', tax_rate = CASE WHEN net_total = 0 THEN 0 ELSE ROUND(tax_total / net_total, 4) END;
ALTER TABLE invoice ALTER COLUMN tax_category SET NOT NULL;
ALTER TABLE invoice ALTER COLUMN tax_rate SET NOT NULL;

-- When the partner was first sent its INVOIC/810 of the invoice: that one is the original, every
-- later one (an administrator's "send invoice", a redelivery) a duplicate under the same number.
ALTER TABLE invoice ADD COLUMN partner_sent_at TIMESTAMP;
