package org.backofficehub.inbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.backofficehub.util.FileNames;

/**
 * Names the archive copy of an inbox file before anything can fail, so done/ and error/ never
 * overwrite an earlier file of the same name and the reason file can sit beside its input. The
 * name is the time and the original name, cut short when the original is so long that the time
 * stamp or the reason file's suffix would pass the file system's limit: a move that fails for
 * its name leaves the file in the inbox to be read (and booked) again and again.
 */
public final class ArchiveNaming implements Processor {

    public static final String ARCHIVE_NAME = "hubArchiveName";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final int STAMP_LENGTH = "20261123-163446-311_".length();
    private static final int MAX_ARCHIVE_BYTES = FileNames.MAX_NAME_BYTES - QuarantineNote.SUFFIX.length();

    private final Clock clock;

    public ArchiveNaming(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(ARCHIVE_NAME, archiveName(message.getHeader(Exchange.FILE_NAME_ONLY, String.class)));
    }

    /** The name a file of this name gets in done/ or error/. */
    public String archiveName(String fileName) {
        return STAMP.format(clock.instant()) + "_" + FileNames.fit(FileNames.safe(fileName), MAX_ARCHIVE_BYTES - STAMP_LENGTH);
    }
}
