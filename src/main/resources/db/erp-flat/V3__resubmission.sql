-- An order the ERP's import refused (IMPORT_STATUS 'E') may be sent again, corrected, under the
-- same reference. Its refused rows stay (the ERP's history), so the reference's unique key also
-- names the attempt: 0 for the rows in play, and, once the hub has taken the refusal, the first
-- IMPORT_ID of the refused attempt (set by the profile's confirmations.taken). A reference is
-- still imported at most once at a time.
ALTER TABLE SALES_ORDER_IMPORT ADD COLUMN RELEASED_ID BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE SALES_ORDER_IMPORT DROP CONSTRAINT SALES_ORDER_IMPORT_PO;
ALTER TABLE SALES_ORDER_IMPORT ADD CONSTRAINT SALES_ORDER_IMPORT_PO UNIQUE (SOURCE_SYSTEM, CUSTOMER_PO, PO_LINE, RELEASED_ID);
