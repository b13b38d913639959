-- The same catalogue as the demo ERP's, so every sample in edi-samples/ books here too.
INSERT INTO ARTICLE (ARTICLE_NO, ARTICLE_TEXT, SALES_UNIT, LIST_PRICE, EAN) VALUES
    ('SKU-1001', 'Espresso cup, white porcelain', 'PCE', 6.50, '04006381333931'),
    ('SKU-1002', 'Cappuccino cup, white porcelain', 'PCE', 7.90, '00012345678905'),
    ('SKU-1003', 'Saucer, white porcelain', 'PCE', 3.20, NULL),
    ('SKU-2001', 'Coffee beans, house blend, 1 kg', 'KGM', 18.40, '04006381333948'),
    ('SKU-2002', 'Coffee beans, single origin, 1 kg', 'KGM', 24.90, '04012345000054'),
    ('SKU-3001', 'Burr grinder, stainless', 'PCE', 129.00, NULL),
    ('SKU-3002', 'Milk jug, 600 ml', 'PCE', 14.95, NULL),
    ('SKU-4001', 'Espresso machine, dual boiler', 'PCE', 1490.00, NULL),
    ('SKU-5001', 'Descaler, 500 ml', 'BO', 9.80, NULL),
    ('SKU-9001', 'Limited edition tamper', 'PCE', 89.00, NULL);

INSERT INTO ARTICLE_STOCK (ARTICLE_NO, QTY_ON_HAND) VALUES
    ('SKU-1001', 5000), ('SKU-1002', 5000), ('SKU-1003', 8000), ('SKU-2001', 2500), ('SKU-2002', 1200),
    ('SKU-3001', 150), ('SKU-3002', 900), ('SKU-4001', 25), ('SKU-5001', 3000), ('SKU-9001', 2);

INSERT INTO CUSTOMER_ARTICLE (PARTNER_ID, CUSTOMER_ARTICLE, ARTICLE_NO) VALUES
    ('ACME', 'AC-CUP-W', 'SKU-1001'),
    ('ACME', 'AC-BEANS-1', 'SKU-2001'),
    ('NORDWIND', '4711', 'SKU-3002');

INSERT INTO CUSTOMER (CUSTOMER_NO, NAME_1, EMAIL, PHONE, STREET, CITY, ZIP, COUNTRY, CREATED_ON) VALUES
    ('K-40001', 'Cafe Central GmbH', 'einkauf@cafe-central.example', '+49 30 5550101', 'Friedrichstrasse 12', 'Berlin', '10117', 'DE', DATE '2009-03-02'),
    ('K-40002', 'Bean & Leaf Ltd', 'orders@beanandleaf.example', '+44 20 7946 0958', '22 Wharf Road', 'London', 'N1 7GR', 'GB', DATE '2012-11-19');
