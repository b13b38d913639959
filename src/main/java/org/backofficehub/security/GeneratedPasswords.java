package org.backofficehub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A built-in user's password (the administrator's, the web store client's): from configuration
 * (normally the environment), else generated once and kept owner-readable in the data directory,
 * so a fresh demo is usable at once without a well-known default password.
 */
public final class GeneratedPasswords {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedPasswords.class);

    private GeneratedPasswords() {
    }

    /** {@code file}: where a generated password is kept, e.g. {@code <data-dir>/admin-password}. */
    public static String password(String configured, Path file, String setting) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".password-", ".tmp");
            OwnerOnly.restrict(temporary);
            Files.writeString(temporary, generated + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file);
            LOG.warn("No {} set: generated one in {} (set it in the environment to choose your own)", setting, file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }
}
