package org.backofficehub.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Fingerprints a file's content (SHA-256) as the idempotency key: the same bytes dropped again,
 * under any name and after any restart, are recognised. Streams, so size does not matter.
 */
public final class ContentFingerprint implements Processor {

    public static final String CONTENT_DIGEST = "hubContentDigest";

    @Override
    public void process(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = message.getMandatoryBody(InputStream.class)) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        } catch (org.apache.camel.InvalidPayloadException e) {
            throw new IOException("Cannot read the file to fingerprint it", e);
        }
        message.setHeader(CONTENT_DIGEST, "sha256:" + HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
