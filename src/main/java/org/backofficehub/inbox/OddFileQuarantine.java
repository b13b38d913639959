package org.backofficehub.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import org.backofficehub.model.ProblemType;
import org.backofficehub.store.FailureLog;
import org.backofficehub.util.FileNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves what is in the inbox but is no regular file (a symbolic link, a named pipe, a device or a
 * socket) to error/ as it is, with a reason and a failure record, without ever opening it: a link
 * may point at a secret (the admin password) or at /dev/zero, and opening a pipe blocks until
 * someone writes to it. rename(2) moves the link or the pipe itself. The failure keeps no payload,
 * so there is nothing to replay; the sender puts the real file in the inbox.
 */
public final class OddFileQuarantine {

    private static final Logger LOG = LoggerFactory.getLogger(OddFileQuarantine.class);

    private final ArchiveNaming naming;
    private final ReasonFiles reasons;
    private final FailureLog failures;
    private final Clock clock;
    private final String routeId;

    /** {@code routeId}: the inbox route, whose open failures these are. */
    public OddFileQuarantine(ArchiveNaming naming, ReasonFiles reasons, FailureLog failures, Clock clock, String routeId) {
        this.naming = naming;
        this.reasons = reasons;
        this.failures = failures;
        this.clock = clock;
        this.routeId = routeId;
    }

    /** {@code what}: what the file is, as a reason says it ("a symbolic link", "a named pipe (FIFO)"). */
    public void quarantine(Path file, String what) throws IOException {
        String name = file.getFileName().toString();
        String shown = FileNames.printable(name);
        String archiveName = naming.archiveName(name);
        Files.createDirectories(reasons.errorDir());
        Files.move(file, reasons.errorDir().resolve(archiveName), LinkOption.NOFOLLOW_LINKS);
        String reason = shown + " is " + what + ", not a regular file: the hub reads regular files only and never follows a link"
                + " or opens a pipe or device; it was moved to error/ unread";
        reasons.write(archiveName, "problem: " + ProblemType.NOT_A_REGULAR_FILE.slug() + "\n"
                + "reason: " + reason + "\n"
                + "file: " + shown + "\n"
                + "received: " + clock.instant() + "\n");
        LOG.warn("Quarantined {} as error/{}: {}", shown, archiveName, reason);
        failures.record(routeId, "inbox-file", ProblemType.NOT_A_REGULAR_FILE.slug(), reason, name, new byte[0]);
    }
}
