package org.backofficehub.inbox;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * An inbox file still empty once the read lock has seen it unchanged for hub.inbox.min-age-ms is
 * quarantined as an empty file: there is nothing in it to read, and nothing to replay.
 */
public final class EmptyFiles implements Processor {

    @Override
    public void process(Exchange exchange) throws IOException {
        if (Files.size(DocumentFormats.file(exchange)) == 0) {
            throw new InputRejectedException(ProblemType.EMPTY_FILE, "empty file (0 bytes): there is nothing to read;"
                    + " a sender writes under a temporary name (.part) and renames the file once it is complete");
        }
    }
}
