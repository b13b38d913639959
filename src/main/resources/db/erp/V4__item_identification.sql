-- How trading partners name items: the GS1 number (GTIN-8/12/13/14, stored as 14 digits with
-- leading zeros) in the item master, and each partner's own item numbers in a cross-reference,
-- as legacy ERPs keep "customer item numbers".
ALTER TABLE ITMMAS ADD COLUMN IMGTIN CHAR(14);
CREATE INDEX ITMMAS_GTIN ON ITMMAS (IMGTIN);

CREATE TABLE ITMXRF (
    IXPART VARCHAR(35) NOT NULL,                -- trading partner (the hub's partner id)
    IXCITM VARCHAR(48) NOT NULL,                -- the partner's item number
    IXITNO VARCHAR(35) NOT NULL,                -- our item number
    PRIMARY KEY (IXPART, IXCITM)
);

-- Demo GTINs, as the samples in edi-samples/ name the items, and two partners' own numbers.
UPDATE ITMMAS SET IMGTIN = '04006381333931' WHERE IMITNO = 'SKU-1001';
UPDATE ITMMAS SET IMGTIN = '00012345678905' WHERE IMITNO = 'SKU-1002';
UPDATE ITMMAS SET IMGTIN = '04006381333948' WHERE IMITNO = 'SKU-2001';
UPDATE ITMMAS SET IMGTIN = '04012345000054' WHERE IMITNO = 'SKU-2002';
INSERT INTO ITMXRF (IXPART, IXCITM, IXITNO) VALUES
    ('ACME', 'AC-CUP-W', 'SKU-1001'),
    ('ACME', 'AC-BEANS-1', 'SKU-2001'),
    ('NORDWIND', '4711', 'SKU-3002');
