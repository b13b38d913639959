package org.backofficehub.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.IdempotentRepository;
import org.backofficehub.edi.intake.EdiIntake;

/**
 * Tells the very file read before (its name, size and modification time) from the same content
 * sent again, for every inbox file. Its stamp is remembered as reading begins; a file found with a
 * stamp already known is this file again: a crash or a takeover cut its reading short, or came
 * after it was processed and before it left the inbox. An EDI file's interchanges then take over
 * the dead reading's claims or are passed over if done with (InterchangeRegistry.ALREADY_READ); a
 * JSON or XML file whose content is known is passed over rather than quarantined as a duplicate.
 */
public final class SameFileRecognition {

    /** Exchange property: this file, by its stamp, was read before. */
    public static final String READ_BEFORE = EdiIntake.READ_BEFORE;

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
