package org.backofficehub.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin password: from configuration (hub.admin.password, normally HUB_ADMIN_PASSWORD in
 * the environment), else generated once and kept owner-readable in the data directory, so a
 * fresh demo is usable at once without a well-known default password.
 */
public final class AdminCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(AdminCredentials.class);
    private AdminCredentials() {
    }

    /** {@code file}: where a generated password is kept ({@code <data-dir>/admin-password}). */
    public static String password(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no POSIX permissions; the data directory's own protection applies
            }
            LOG.warn("No hub.admin.password set: generated one in {} (set HUB_ADMIN_PASSWORD to choose your own)", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }
}
