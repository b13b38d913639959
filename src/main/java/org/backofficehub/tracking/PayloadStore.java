package org.backofficehub.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The payloads of tracked documents, stored once each under {@code <data-dir>/payloads/} by the
 * SHA-256 of their bytes ({@code ab/abcdef...}): a 10,000-order interchange is one file however
 * many orders point at it, and the same bytes received twice are one file too.
 *
 * <p>A file about to leave (an inbox file on its way to done/, a document a partner may take from
 * its outbox) is first set aside under {@code incoming/} as a hard link (a copy where the file
 * system has none): instant and free of the database, so the path that received or sent it does
 * not wait. Hashing and filing it away happens later, in the tracking journal's batch.
 */
public final class PayloadStore {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private final Path root;
    private final Path incoming;

    public PayloadStore(Path root) {
        this.root = root;
        this.incoming = root.resolve("incoming");
    }

    /** Whether the text is a payload's name (64 lower-case hex digits): anything else is refused before it reaches a path. */
    public static boolean isHash(String hash) {
        return hash != null && HASH.matcher(hash).matches();
    }

    /** Keeps the file's current bytes aside (a hard link, else a copy), for {@link #store(Path)} later. */
    public Path setAside(Path file) {
        try {
            Files.createDirectories(incoming);
            Path aside = incoming.resolve(UUID.randomUUID().toString());
            try {
                return Files.createLink(aside, file);
            } catch (UnsupportedOperationException | IOException noLink) {
                return Files.copy(file, aside);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep " + file + " for tracking", e);
        }
    }

    /** A file set aside, filed under its hash (and removed from incoming/). */
    public Stored store(Path aside) {
        try {
            MessageDigest digest = sha256();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = new DigestInputStream(Files.newInputStream(aside), digest)) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    size += read;
                }
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            Path target = path(hash);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(aside);
            } else {
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Stored(hash, size);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the payload " + aside, e);
        }
    }

    public Stored store(byte[] content) {
        String hash = HexFormat.of().formatHex(sha256().digest(content));
        Path target = path(hash);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path partial = incoming.resolve(UUID.randomUUID().toString());
                Files.createDirectories(incoming);
                Files.write(partial, content);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException stored) {
                    Files.deleteIfExists(partial);
                }
            }
            return new Stored(hash, content.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store a payload", e);
        }
    }

    public Optional<Path> find(String hash) {
        if (!isHash(hash)) {
            return Optional.empty();
        }
        Path path = path(hash);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    public void delete(String hash) {
        if (isHash(hash)) {
            try {
                Files.deleteIfExists(path(hash));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete payload " + hash, e);
            }
        }
    }

    private Path path(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    public record Stored(String hash, long size) {
    }
}
