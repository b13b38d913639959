package org.backofficehub.security;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Passwords as the users file stores them: bcrypt, marked {@code {bcrypt}} so that another scheme
 * can follow without rewriting the file. bcrypt reads at most 72 bytes of a password, so longer
 * ones are refused rather than silently cut.
 */
public final class PasswordHashes {

    static final String BCRYPT = "{bcrypt}";
    public static final int MAX_PASSWORD_BYTES = 72;
    // Checked against when the user is unknown, so that an unknown name costs what a wrong password costs.
    private static final String UNKNOWN_USER_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z0eUBAv2u3.lw6XaVhDcmkTS";

    private final BCryptPasswordEncoder encoder;

    public PasswordHashes(int cost) {
        this.encoder = new BCryptPasswordEncoder(cost);
    }

    public String hash(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("A password may have at most " + MAX_PASSWORD_BYTES + " bytes (bcrypt reads no more)");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("The password is empty");
        }
        return BCRYPT + encoder.encode(password);
    }

    public boolean matches(String password, String stored) {
        if (stored == null || !stored.startsWith(BCRYPT) || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            spendTheSameTime(password);
            return false;
        }
        return encoder.matches(password, stored.substring(BCRYPT.length()));
    }

    /** A check against a hash no password has, taking as long as a real one. */
    public void spendTheSameTime(String password) {
        String bounded = password.length() > MAX_PASSWORD_BYTES ? password.substring(0, MAX_PASSWORD_BYTES) : password;
        encoder.matches(bounded, UNKNOWN_USER_HASH);
    }

    public static boolean isHash(String value) {
        return value.startsWith(BCRYPT + "$2");
    }
}
