package org.backofficehub.shop;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * The webhook route's signature step: the HMAC-SHA256 of the body, keyed with the shop's secret,
 * must be the one in the platform's signature header. Computed over the bytes exactly as received
 * (before any parsing or charset conversion: WooCommerce, for one, signs JSON with escaped slashes
 * that a re-serialisation would lose) and compared in constant time. A shop without a secret takes
 * no webhook at all. Nothing of an unsigned request is parsed, mapped or booked.
 */
public final class WebhookSignatures implements Processor {

    /** The exchange header naming the shop (its profile's key), set by the webhook route once the shop is known. */
    public static final String SHOP = "hubShop";
    private static final String HMAC = "HmacSHA256";

    private final ShopProfiles shops;

    public WebhookSignatures(ShopProfiles shops) {
        this.shops = shops;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        ShopProfile shop = shops.byKey(message.getHeader(SHOP, String.class))
                .orElseThrow(() -> new IllegalStateException("The webhook route names no configured shop"));
        if (!shop.verifiesWebhooks()) {
            throw refused("Shop " + shop.key() + " has no webhook secret configured (hub.shop." + shop.key()
                    + ".secret), so no webhook can be verified and none is accepted");
        }
        String signature = message.getHeader(shop.platform().signatureHeader(), String.class);
        if (signature == null || signature.isBlank()) {
            throw refused("The request carries no " + shop.platform().signatureHeader() + " header; " + shop.platform().id()
                    + " signs every order webhook");
        }
        byte[] body = message.getBody(byte[].class);
        // The bytes verified are the bytes every later step reads, whatever type the server delivered.
        message.setBody(body);
        if (!MessageDigest.isEqual(mac(shop, body == null ? new byte[0] : body), decoded(shop.platform(), signature.trim()))) {
            throw refused("The " + shop.platform().signatureHeader() + " signature does not match the body: it was not signed with"
                    + " the secret configured for shop " + shop.key() + ", or the body was changed on the way");
        }
    }

    /** The signature the platform would send for this body. */
    public static String sign(Platform platform, ShopSecret secret, byte[] body) {
        return platform.encoding().encode(mac(secret.bytes(), body));
    }

    private static byte[] mac(ShopProfile shop, byte[] body) {
        return mac(shop.secret().bytes(), body);
    }

    private static byte[] mac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }

    /** The header's MAC bytes; what cannot be decoded matches nothing (an empty array never equals a 32-byte MAC). */
    private static byte[] decoded(Platform platform, String signature) {
        try {
            return platform.encoding() == Platform.Encoding.BASE64 ? Base64.getDecoder().decode(signature)
                    : HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException notEncoded) {
            return new byte[0];
        }
    }

    private static InputRejectedException refused(String detail) {
        return new InputRejectedException(ProblemType.INVALID_SIGNATURE, detail);
    }
}
