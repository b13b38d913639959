package org.backofficehub.inbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes the reason file beside a quarantined input in error/, readable by the hub's user alone
 * (rw-------): a reason names what was wrong, and whoever else can list error/ has no business
 * reading it. Created with those permissions, so it is never readable by others even for a moment.
 */
public final class ReasonFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path errorDir;

    public ReasonFiles(Path errorDir) {
        this.errorDir = errorDir;
    }

    public Path errorDir() {
        return errorDir;
    }

    /** {@code error/<archiveName>.reason.txt}, replacing any earlier one of that name. */
    public void write(String archiveName, CharSequence reason) throws IOException {
        Files.createDirectories(errorDir);
        Path file = errorDir.resolve(archiveName + QuarantineNote.SUFFIX);
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(reason.toString());
        boolean posix = Files.getFileStore(errorDir).supportsFileAttributeView("posix");
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        try (SeekableByteChannel channel = posix
                ? Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.newByteChannel(file, options)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(file, OWNER_ONLY); // an earlier file of the name kept its own
        }
    }
}
