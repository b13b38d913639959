-- Demo items the web-store platforms' documented sample orders name (edi-samples/platforms/), so
-- that a shop set up as README's "Web-store platforms" says books its platform's sample at once.
-- Their orders carry their own prices; these list prices are for pulls and mappings that send none.
INSERT INTO ITMMAS (IMITNO, IMDESC, IMUOM, IMPRIC, IMONHD, IMALLO) VALUES
    ('IPOD2008GREEN', 'IPod Nano - 8gb, green (Shopify sample)', 'PCE', 199.00, 1000, 0),
    ('IPOD2008RED', 'IPod Nano - 8gb, red (Shopify sample)', 'PCE', 199.00, 1000, 0),
    ('IPOD2008BLACK', 'IPod Nano - 8gb, black (Shopify sample)', 'PCE', 199.00, 1000, 0),
    ('93', 'WooCommerce sample product 93 (no SKU: its product id)', 'PCE', 18.00, 1000, 0),
    ('Bar3', 'WooCommerce sample product Bar3', 'PCE', 18.00, 1000, 0),
    ('f3b92a7a618544308094cb4713b3ed84', 'Shopware 6 sample product', 'PCE', 19.99, 1000, 0),
    ('WS12-M-Orange', 'Magento sample: Radiant Tee, M, orange', 'PCE', 22.00, 1000, 0),
    ('240-LV08', 'Magento sample: Yoga Adventure', 'PCE', 22.00, 1000, 0),
    ('24-WG082-blue', 'Magento sample: Sprite Stasis Ball 65 cm, blue', 'PCE', 27.00, 1000, 0),
    ('24-WG084', 'Magento sample: Sprite Foam Yoga Brick', 'PCE', 5.00, 1000, 0),
    ('24-WG086', 'Magento sample: Sprite Yoga Strap 8 foot', 'PCE', 17.00, 1000, 0),
    ('24-WG088', 'Magento sample: Sprite Foam Roller', 'PCE', 19.00, 1000, 0),
    ('MH01-S-Gray', 'Magento sample: Chaz Kangeroo Hoodie, S, gray', 'PCE', 52.00, 1000, 0);
