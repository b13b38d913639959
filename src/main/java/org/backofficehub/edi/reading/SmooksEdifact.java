package org.backofficehub.edi.reading;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/**
 * The steps around the Smooks engine in the EDI route ({@code read-edifact-with-smooks} in
 * {@code routes/edi-interchanges.camel.yaml}): the file cut into its interchanges for the
 * {@code smooks:} endpoint, which reads one per document, and the events it hands over for each
 * kept in reading order. Nothing here needs Smooks' classes: they, the hub's Smooks configurations
 * ({@code edi/smooks/edifact-<directory>.xml}) and the visitor they name
 * ({@code org.backofficehub.edi.reading.smooks}) come with {@link #JAR}, which the default jar
 * does without.
 */
public final class SmooksEdifact {

    /** The Smooks engine's jar: beside backoffice-hub.jar, whose manifest names it on its class path. */
    public static final String JAR = "backoffice-hub-smooks.jar";

    /** Whether the Smooks engine can read this EDIFACT directory (D96A, D01B) with these classes: its jar is on the class path. */
    public static boolean installed(ClassLoader classes, String directory) {
        return classes.getResource(configuration(directory)) != null
                && classes.getResource("META-INF/services/org/apache/camel/component/smooks") != null;
    }

    /** The Smooks configuration the route's smooks: endpoint names for a directory. */
    static String configuration(String directory) {
        return "edi/smooks/edifact-" + directory.toUpperCase(Locale.ROOT) + ".xml";
    }

    /** The events of the file's interchanges, kept as Smooks hands them over. */
    public InterchangeEvents.Recorder recorder() {
        return InterchangeEvents.recorder();
    }

    /**
     * The file's interchanges, cut from disk one at a time as the route's split asks for them, each
     * as text in the file's encoding: Smooks writes it out in the encoding its EDIFACT schemas are
     * read in (UTF-8), whatever the file's.
     */
    public Interchanges interchanges(Path file, Charset charset) throws IOException {
        return new Interchanges(EdifactInterchanges.cut(Files.newInputStream(file)), charset);
    }

    /** An interchange's events, as the smooks: endpoint exported them, after those of the interchanges before it. */
    public void read(InterchangeEvents.Recorder file, InterchangeEvents interchange) throws InterchangeSyntaxException {
        try (interchange) {
            for (InterchangeEvent event = interchange.next(); event != null; event = interchange.next()) {
                event.deliverTo(file);
            }
        }
    }

    /** Every interchange read. */
    public InterchangeEvents events(InterchangeEvents.Recorder file) {
        return file.events(null);
    }

    /**
     * Smooks could not read an interchange: the events read before it, then the refusal, as StAEDI
     * ends its events where the stream stops being readable EDI. Smooks reports no positions, so
     * the interchange is refused whole. A failure that is not Smooks' (the schema of another
     * directory, no Smooks engine at all) is no refusal of the partner's file and is thrown on.
     */
    public InterchangeEvents refused(InterchangeEvents.Recorder file, Exception failure) throws Exception {
        boolean smooks = false;
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < 100; cause = cause.getCause()) {
            if (cause instanceof WrongSchema) {
                throw failure;
            }
            // By name: this class must load without Smooks' classes.
            smooks |= cause.getClass().getName().startsWith("org.smooks.");
        }
        if (!smooks) {
            throw failure;
        }
        return file.events(new InterchangeSyntaxException("Smooks cannot read the interchange: " + rootCause(failure), null, null, false,
                failure));
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause.getCause() != null && depth < 100; depth++) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    /** The interchanges of a file, for the route's split, which closes them. */
    public static final class Interchanges implements Iterator<Reader>, Closeable {
        private final EdifactInterchanges.Cutter cutter;
        private final Charset charset;

        Interchanges(EdifactInterchanges.Cutter cutter, Charset charset) {
            this.cutter = cutter;
            this.charset = charset;
        }

        @Override
        public boolean hasNext() {
            return cutter.hasNext();
        }

        @Override
        public Reader next() {
            return new InputStreamReader(new ByteArrayInputStream(cutter.next()), charset);
        }

        @Override
        public void close() {
            cutter.close();
        }
    }

    /**
     * Smooks read an interchange with the schema of another directory: its compiled schemas in
     * {@code .smooks/} are stale. The hub's fault, not the partner's.
     */
    public static final class WrongSchema extends IllegalStateException {
        public WrongSchema(String message) {
            super(message);
        }
    }
}
