package org.backofficehub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shop profiles written for a test (a config/shops folder of its own), the platforms' documented
 * payloads (edi-samples/platforms/), signatures computed as each platform computes them, and the
 * platforms' items in the demo ERP's item master.
 */
public final class Shops {

    private final Path directory;

    private Shops(Path directory) {
        this.directory = directory;
    }

    public static Shops inTempFolder() {
        try {
            return new Shops(Files.createTempDirectory("hub-shops-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Writes config/shops/&lt;key&gt;.properties with these settings (name, value, name, value, ...). */
    public Shops profile(String key, String... settings) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            values.put(settings[i], settings[i + 1]);
        }
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> text.append(name).append(" = ").append(value).append('\n'));
        try {
            Files.writeString(directory.resolve(key + ".properties"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A documented payload, byte for byte as published. */
    public static byte[] payload(String file) {
        return Samples.bytes("platforms/" + file);
    }

    public static String base64Hmac(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(secret, body));
    }

    public static String hexHmac(String secret, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret, body));
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Items the platforms' sample orders name, in the demo ERP's item master (a real shop's SKUs would be the ERP's). */
    public static void stockPlatformItems(RunningHub hub, String... skus) {
        try (java.sql.Connection c = hub.erp().getConnection();
             java.sql.PreparedStatement insert = c.prepareStatement(
                     "MERGE INTO ITMMAS (IMITNO, IMDESC, IMUOM, IMPRIC, IMONHD, IMALLO) KEY (IMITNO) VALUES (?, ?, 'PCE', 10.00, 1000, 0)")) {
            for (String sku : skus) {
                insert.setString(1, sku);
                insert.setString(2, "Platform item " + sku);
                insert.executeUpdate();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final String[] SHOPIFY_ITEMS = {"IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK"};
    public static final String[] WOOCOMMERCE_ITEMS = {"93", "Bar3"};
    public static final String[] SHOPWARE_ITEMS = {"f3b92a7a618544308094cb4713b3ed84"};
    public static final String[] MAGENTO_ITEMS = {"WS12-M-Orange", "240-LV08", "24-WG082-blue", "24-WG084", "24-WG086", "24-WG088",
            "MH01-S-Gray"};
}
