-- Demo data so a fresh hub can take the sample orders in edi-samples/ at once.
INSERT INTO ITMMAS (IMITNO, IMDESC, IMUOM, IMPRIC, IMONHD, IMALLO) VALUES
    ('SKU-1001', 'Espresso cup, white porcelain', 'PCE', 6.50, 5000, 0),
    ('SKU-1002', 'Cappuccino cup, white porcelain', 'PCE', 7.90, 5000, 0),
    ('SKU-1003', 'Saucer, white porcelain', 'PCE', 3.20, 8000, 0),
    ('SKU-2001', 'Coffee beans, house blend, 1 kg', 'KGM', 18.40, 2500, 0),
    ('SKU-2002', 'Coffee beans, single origin, 1 kg', 'KGM', 24.90, 1200, 0),
    ('SKU-3001', 'Burr grinder, stainless', 'PCE', 129.00, 150, 0),
    ('SKU-3002', 'Milk jug, 600 ml', 'PCE', 14.95, 900, 0),
    ('SKU-4001', 'Espresso machine, dual boiler', 'PCE', 1490.00, 25, 0),
    ('SKU-5001', 'Descaler, 500 ml', 'BO', 9.80, 3000, 0),
    ('SKU-9001', 'Limited edition tamper', 'PCE', 89.00, 2, 0);

INSERT INTO CUSMAS (CMCUSN, CMNAME, CMMAIL, CMPHON, CMSTR1, CMCITY, CMZIP, CMCTRY, CMCRDT) VALUES
    (40001, 'Cafe Central GmbH', 'einkauf@cafe-central.example', '+49 30 5550101', 'Friedrichstrasse 12', 'Berlin', '10117', 'DE', DATE '2009-03-02'),
    (40002, 'Bean & Leaf Ltd', 'orders@beanandleaf.example', '+44 20 7946 0958', '22 Wharf Road', 'London', 'N1 7GR', 'GB', DATE '2012-11-19');
