package org.backofficehub.inbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Names the archive copy of an inbox file before anything can fail, so done/ and error/ never
 * overwrite an earlier file of the same name and the reason file can sit beside its input.
 */
public final class ArchiveNaming implements Processor {

    public static final String ARCHIVE_NAME = "hubArchiveName";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public ArchiveNaming(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String fileName = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        message.setHeader(ARCHIVE_NAME, STAMP.format(clock.instant()) + "_" + fileName);
    }
}
