package org.backofficehub.shop;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The web-store platforms the hub takes orders from, with how each signs its order webhooks
 * (../shared/platforms/README.md, section 1): the header, and how the HMAC-SHA256 of the raw body
 * is written in it. Magento Open Source sends no order webhook; its orders are pulled.
 */
public enum Platform {
    SHOPIFY("X-Shopify-Hmac-Sha256", Encoding.BASE64),
    WOOCOMMERCE("X-WC-Webhook-Signature", Encoding.BASE64),
    SHOPWARE("shopware-shop-signature", Encoding.HEX),
    MAGENTO(null, null);

    /** How a platform writes the HMAC's bytes into its header. */
    public enum Encoding {
        BASE64, HEX;

        public String encode(byte[] mac) {
            // Shopware's RequestSigner uses PHP's hash_hmac: lowercase hex.
            return this == BASE64 ? Base64.getEncoder().encodeToString(mac) : HexFormat.of().formatHex(mac);
        }
    }

    private final String signatureHeader;
    private final Encoding encoding;

    Platform(String signatureHeader, Encoding encoding) {
        this.signatureHeader = signatureHeader;
        this.encoding = encoding;
    }

    public static Platform parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("'" + name + "' is no platform the hub speaks: shopify, woocommerce, shopware or magento", e);
        }
    }

    /** Whether the platform pushes orders by webhook at all (Magento Open Source does not). */
    public boolean sendsWebhooks() {
        return signatureHeader != null;
    }

    public String signatureHeader() {
        return signatureHeader;
    }

    public Encoding encoding() {
        return encoding;
    }

    /** The name in file names and settings: shopify, woocommerce, shopware, magento. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
