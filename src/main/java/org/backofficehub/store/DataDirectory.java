package org.backofficehub.store;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The folders under {@code hub.data-dir} and what each holds. The inbox route's URI
 * ({@code routes/inbox-files.camel.yaml}) and the accounting endpoint's default
 * ({@code config/application.properties}) name the same folders.
 */
public record DataDirectory(Path root) {

    public DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    public static DataDirectory of(String path) {
        return new DataDirectory(Path.of(path));
    }

    /**
     * Creates the data directory if it is not there, readable by the hub's own user only: it holds
     * the databases (customers, orders), passwords and every document. One an operator made is left
     * as they made it.
     */
    public DataDirectory createdOwnerOnly() {
        if (!java.nio.file.Files.exists(root)) {
            try {
                java.nio.file.Files.createDirectories(root.getParent());
                try {
                    java.nio.file.Files.createDirectory(root, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException notPosix) {
                    java.nio.file.Files.createDirectory(root);
                }
            } catch (java.nio.file.FileAlreadyExistsException createdMeanwhile) {
                // another start made it: theirs stands
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot create the data directory " + root, e);
            }
        }
        return this;
    }

    /** Files dropped for the hub: orders, EDI interchanges, customer exports. */
    public Path inbox() {
        return root.resolve("inbox");
    }

    /** Inbox files processed, under a time-stamped name. */
    public Path done() {
        return root.resolve("done");
    }

    /** Inbox files refused, each with a reason file beside it. */
    public Path error() {
        return root.resolve("error");
    }

    /** What the hub sends trading partners, one folder per partner. */
    public Path outbox(String partnerFolder) {
        return root.resolve("outbox").resolve(partnerFolder);
    }

    /** Tracked documents' payloads, each stored once by its SHA-256. */
    public Path payloads() {
        return root.resolve("payloads");
    }

    /** The embedded H2 databases, when no JDBC URL points elsewhere. */
    public Path databases() {
        return root.resolve("db");
    }

    /** Files taken from a partner's FTP/SFTP server, on their way into the inbox. */
    public Path remoteWork(String partnerKey) {
        return root.resolve("remote-work").resolve(partnerKey.toLowerCase(Locale.ROOT));
    }

    /** The generated admin password, when none is configured. */
    public Path adminPassword() {
        return root.resolve("admin-password");
    }

    /** The web store client's generated password, when none is configured. */
    public Path webstorePassword() {
        return root.resolve("webstore-password");
    }

    /** Users besides the built-in ones, with their roles and password hashes (hub.security.users-file's default). */
    public Path usersFile() {
        return root.resolve("users.properties");
    }
}
