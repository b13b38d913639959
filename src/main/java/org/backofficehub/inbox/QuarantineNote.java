package org.backofficehub.inbox;

import org.backofficehub.util.CamelWrapping;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.store.FailureLog;
import org.backofficehub.util.FileNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the reason file that sits beside a quarantined input in error/, so whoever finds the
 * file also finds what was wrong with it, and records the failure for the admin to replay. The
 * file itself is moved there by the consumer. A failure keeps the file's bytes only when they are
 * a document the hub reads and fit hub.max-input-bytes: not what is too large, empty, or no
 * document at all (that may be anything, a key or a password file, and the failure list shows
 * payloads to every admin client).
 */
public final class QuarantineNote implements Processor {

    public static final String SUFFIX = ".reason.txt";
    private static final Logger LOG = LoggerFactory.getLogger(QuarantineNote.class);

    private final ReasonFiles reasons;
    private final Clock clock;
    private final FailureLog failures;
    private final long maxPayloadBytes;

    public QuarantineNote(ReasonFiles reasons, Clock clock, FailureLog failures, long maxPayloadBytes) {
        this.reasons = reasons;
        this.clock = clock;
        this.failures = failures;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        Throwable failure = CamelWrapping.unwrap(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        String archiveName = message.getHeader(ArchiveNaming.ARCHIVE_NAME, String.class);
        String original = message.getHeader(Exchange.FILE_NAME, String.class);
        String shown = original == null ? null : FileNames.printable(original);
        StringBuilder note = new StringBuilder();
        if (failure instanceof InputRejectedException rejected) {
            note.append("problem: ").append(rejected.type().slug()).append('\n');
            note.append("reason: ").append(rejected.getMessage()).append('\n');
            for (FieldProblem field : rejected.fieldProblems()) {
                note.append("field: ").append(field.field()).append(": ").append(field.reason()).append('\n');
            }
        } else {
            note.append("problem: processing-failed\n");
            note.append("reason: ").append(failure == null ? "unknown" : failure.getClass().getSimpleName() + ": " + failure.getMessage()).append('\n');
        }
        note.append("file: ").append(shown).append('\n');
        note.append("received: ").append(clock.instant()).append('\n');
        note.append("content: ").append(message.getHeader(ContentFingerprint.CONTENT_DIGEST, "unknown", String.class)).append('\n');
        reasons.write(archiveName, note);
        LOG.warn("Quarantined {} as error/{}: {}", shown, archiveName, failure == null ? "unknown" : failure.getMessage());
        recordFailure(exchange, failure, original, archiveName);
    }

    /** A durable failure for the admin console to replay; a repeat of processed content is not one. */
    private void recordFailure(Exchange exchange, Throwable failure, String original, String archiveName) {
        InputRejectedException rejected = failure instanceof InputRejectedException r ? r : null;
        if (rejected != null && rejected.type() == ProblemType.DUPLICATE_INPUT) {
            return;
        }
        Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        boolean aDocument = rejected == null || (rejected.type() != ProblemType.UNSUPPORTED_FORMAT && rejected.type() != ProblemType.EMPTY_FILE);
        boolean keepable = aDocument && (length == null || length <= maxPayloadBytes);
        // The body may be the translated order by now; the original bytes are still in the inbox file.
        byte[] payload = keepable ? originalBytes(exchange) : new byte[0];
        String reason = (failure == null ? "unknown" : failure.getMessage())
                + (keepable || (rejected != null && rejected.type() == ProblemType.EMPTY_FILE) ? ""
                : " (the original is kept only in error/" + archiveName + ")");
        failures.record(exchange.getFromRouteId(), "inbox-file", rejected != null ? rejected.type().slug() : "processing-failed",
                reason, original, payload);
    }

    /** Read without following a link: what was checked to be a regular file must still be one. */
    private static byte[] originalBytes(Exchange exchange) {
        String path = exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
        try (InputStream in = Files.newInputStream(Path.of(path), LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot keep the bytes of {} in the failure record ({}); the file itself goes to error/", path, e.getMessage());
            return new byte[0];
        }
    }
}
