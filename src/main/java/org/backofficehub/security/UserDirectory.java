package org.backofficehub.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everyone who may sign in: the built-in users of the configuration (the administrator, the web
 * store's client) and the users file's. The file is read again when it changes, so adding or
 * removing a user needs no restart.
 */
public final class UserDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);
    private static final long RECHECK_NANOS = 1_000_000_000L;

    /** A built-in user: its password held as a digest, never as given. */
    public record BuiltIn(String name, Set<Role> roles, byte[] passwordDigest) {

        public static BuiltIn of(String name, Set<Role> roles, String password) {
            return new BuiltIn(name, roles, digest(password));
        }
    }

    /** What tells a changed file: a replaced one has another file key even within the file system's time resolution. */
    private record FileState(FileTime modified, long size, Object key) {
    }

    private final Map<String, BuiltIn> builtIns;
    private final UsersFile file;
    private final PasswordHashes hashes;
    private volatile Map<String, UsersFile.Entry> fileUsers = Map.of();
    private volatile FileState fileState;
    private volatile long checkedAt;
    private volatile long generation;

    public UserDirectory(Map<String, BuiltIn> builtIns, UsersFile file, PasswordHashes hashes) {
        this.builtIns = Map.copyOf(builtIns);
        this.file = file;
        this.hashes = hashes;
        checkedAt = System.nanoTime();
        reload();
    }

    /** The user these credentials name, if the password is theirs. */
    public Optional<HubUser> authenticate(String name, String password) {
        refreshIfChanged();
        BuiltIn builtIn = builtIns.get(name);
        if (builtIn != null) {
            // As long as a file user's check takes, so that timing does not tell built-in names from others.
            hashes.spendTheSameTime(password);
            return MessageDigest.isEqual(digest(password), builtIn.passwordDigest())
                    ? Optional.of(new HubUser(name, builtIn.roles())) : Optional.empty();
        }
        UsersFile.Entry entry = fileUsers.get(name);
        if (entry == null) {
            hashes.spendTheSameTime(password);
            return Optional.empty();
        }
        return hashes.matches(password, entry.hash()) ? Optional.of(new HubUser(name, entry.roles())) : Optional.empty();
    }

    /** Changes whenever the users file was read again: what was verified before may no longer hold. */
    public long generation() {
        refreshIfChanged();
        return generation;
    }

    private void refreshIfChanged() {
        long now = System.nanoTime();
        if (now - checkedAt < RECHECK_NANOS) {
            return;
        }
        synchronized (this) {
            if (now - checkedAt < RECHECK_NANOS) {
                return;
            }
            checkedAt = now;
            if (!Objects.equals(state(), fileState)) {
                reload();
            }
        }
    }

    private synchronized void reload() {
        FileState state = state();
        try {
            UsersFile.Contents contents = file.read();
            contents.problems().forEach(problem -> LOG.error("Users file {}: {}", file.path(), problem));
            contents.users().keySet().stream().filter(builtIns::containsKey).forEach(name ->
                    LOG.warn("Users file {}: {} is a built-in user of the configuration; its line is not used", file.path(), name));
            fileUsers = Map.copyOf(contents.users());
            if (state != null) {
                LOG.info("Users file {}: {} users", file.path(), fileUsers.size());
            }
        } catch (IOException e) {
            // Fail closed: nobody from the file signs in until it can be read.
            LOG.error("Cannot read the users file {}: its users cannot sign in ({})", file.path(), e.toString());
            fileUsers = Map.of();
        }
        fileState = state;
        generation++;
    }

    private FileState state() {
        try {
            if (!Files.exists(file.path())) {
                return null;
            }
            java.nio.file.attribute.BasicFileAttributes attributes = Files.readAttributes(file.path(),
                    java.nio.file.attribute.BasicFileAttributes.class);
            return new FileState(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        } catch (IOException e) {
            return new FileState(FileTime.fromMillis(-1), -1, null);
        }
    }

    static byte[] digest(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
