package org.backofficehub.inbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.backofficehub.util.FileNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which entries of the inbox folder the file consumer may take (its {@code filter}), decided
 * before its read lock ever looks at them, and without opening any. Regular files are taken
 * (empty ones too, once unchanged: the route quarantines them as empty files, where the read
 * lock used to wait ten seconds for them on every poll). In progress, and left alone: names
 * ending .part or .tmp (and hidden ones, which Camel skips itself). Quarantined at once: symbolic
 * links, named pipes, devices and sockets. A name with a backslash, which Camel reads as a
 * separator and so never finds, is renamed with '_' and taken by the next poll. A name the JVM
 * cannot represent (bytes invalid in the system's encoding) cannot be opened or moved by it: it
 * is logged once and left for a person to rename. Directories are not descended into.
 */
public final class InboxEntries implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxEntries.class);
    private static final int REMEMBERED_WARNINGS = 1000;

    private final OddFileQuarantine quarantine;
    // Names already warned about, so an entry the hub cannot handle is logged once, not on every poll.
    private final Set<String> warned = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_WARNINGS;
        }
    });

    public InboxEntries(OddFileQuarantine quarantine) {
        this.quarantine = quarantine;
    }

    /** True if the poll may take the entry; every other entry is dealt with here or left alone. */
    @Override
    public boolean accept(GenericFile<File> entry) {
        Path path = entry.getFile().toPath();
        String name = path.getFileName().toString();
        if (inProgress(name)) {
            return false;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            if (name.indexOf('\uFFFD') >= 0) {
                warnOnce(name, "The inbox file {} has a name that is not valid in the system's encoding ({}); the hub cannot open or"
                        + " move it by that name. Rename it.", name, System.getProperty("sun.jnu.encoding"));
            }
            return false; // or gone since the listing
        } catch (IOException e) {
            warnOnce(name, "Cannot read the attributes of inbox entry {}: {}", name, e.getMessage());
            return false;
        }
        if (attributes.isDirectory()) {
            return false;
        }
        try {
            if (name.indexOf('\\') >= 0) {
                rename(path, name);
                return false;
            }
            if (attributes.isSymbolicLink()) {
                quarantine.quarantine(path, "a symbolic link");
                return false;
            }
            if (attributes.isOther()) {
                quarantine.quarantine(path, specialFile(path));
                return false;
            }
        } catch (IOException e) {
            warnOnce(name, "Cannot move inbox entry {} aside: {}", name, e.getMessage());
            return false;
        }
        return attributes.isRegularFile();
    }

    /** Written under a temporary name, to be renamed when complete (README, the inbox). */
    static boolean inProgress(String name) {
        return name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp");
    }

    private void rename(Path path, String name) throws IOException {
        String safe = FileNames.safe(name);
        Path renamed = path.resolveSibling(Files.exists(path.resolveSibling(safe), LinkOption.NOFOLLOW_LINKS) ? FileNames.distinct(safe, name) : safe);
        Files.move(path, renamed, LinkOption.NOFOLLOW_LINKS);
        LOG.info("Renamed inbox file {} to {}: a backslash in a name is read as a folder separator", FileNames.printable(name),
                FileNames.printable(renamed.getFileName().toString()));
    }

    /** What a special file is, by its mode where the file system says it (Linux and other Unixes do). */
    private static String specialFile(Path path) {
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            switch (type) {
                case 0010000: return "a named pipe (FIFO)";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view: say no more than Java knows
        }
        return "a special file (a pipe, device or socket)";
    }

    private void warnOnce(String name, String message, Object... arguments) {
        if (warned.add(name)) {
            Object[] shown = arguments.clone();
            shown[0] = FileNames.printable(name); // every message names the entry first
            LOG.warn(message, shown);
        }
    }
}
