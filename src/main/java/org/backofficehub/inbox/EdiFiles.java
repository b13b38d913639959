package org.backofficehub.inbox;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.backofficehub.edi.intake.EdiInbox;
import org.backofficehub.edi.EdiReceipt;
import org.backofficehub.edi.EdiStandard;

/**
 * The inbox's EDI branch. EDI files are recognised by their first bytes (UNA/UNB/ISA) and then
 * streamed from disk, never read into memory whole: interchanges can be gigabytes.
 */
public final class EdiFiles {

    public static final String EDI_STANDARD = "hubEdiStandard";

    private final EdiInbox inbox;

    public EdiFiles(EdiInbox inbox) {
        this.inbox = inbox;
    }

    /** Sets {@link #EDI_STANDARD} when the file is an EDI interchange. */
    public void detect(Exchange exchange) throws IOException {
        Path file = path(exchange);
        byte[] head = new byte[64];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        EdiStandard standard = EdiStandard.detect(head, length);
        if (standard != null) {
            exchange.getMessage().setHeader(EDI_STANDARD, standard.name());
        }
    }

    public EdiReceipt receive(Exchange exchange) throws IOException {
        Path file = path(exchange);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return inbox.receive(in, exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class));
        }
    }

    static Path path(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof GenericFile<?> generic && generic.getFile() instanceof File file) {
            return file.toPath();
        }
        return Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
    }
}
