package org.backofficehub.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Tells the very file read before (its name, size and modification time) from the same content
 * sent again. The content's digest is remembered only once the file is processed; if the hub dies
 * after that and before the file leaves the inbox, the next read finds its content known. Its stamp,
 * remembered as reading begins, says then that it is this file again, to be passed over, not a
 * duplicate to quarantine.
 */
public final class SameFileRecognition {

    /** Exchange property: this file, by its stamp, was read before. */
    public static final String READ_BEFORE = "hubReadBefore";

    private final IdempotentRepository memory;

    public SameFileRecognition(IdempotentRepository memory) {
        this.memory = memory;
    }

    public void remember(Exchange exchange) {
        Message message = exchange.getMessage();
        String stamp = message.getHeader(Exchange.FILE_NAME, String.class) + ":" + message.getHeader(Exchange.FILE_LENGTH, String.class)
                + ":" + message.getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
        // Hashed: the repository's keys are short (100 characters), a file name may not be.
        exchange.setProperty(READ_BEFORE, !memory.add("file:" + sha256(stamp)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
