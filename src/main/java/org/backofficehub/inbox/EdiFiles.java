package org.backofficehub.inbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.backofficehub.edi.intake.EdiInbox;
import org.backofficehub.edi.EdiReceipt;

/**
 * The inbox's EDI branch. EDI files are streamed from disk, never read into memory whole: interchanges can be gigabytes.
 */
public final class EdiFiles {

    private final EdiInbox inbox;

    public EdiFiles(EdiInbox inbox) {
        this.inbox = inbox;
    }

    public EdiReceipt receive(Exchange exchange) throws IOException {
        Path file = DocumentFormats.file(exchange);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return inbox.receive(in, exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class));
        }
    }
}
