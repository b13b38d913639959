package org.backofficehub.security;

import java.nio.charset.StandardCharsets;
import org.backofficehub.util.BuiltOnFirstUse;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Passwords as the users file stores them: bcrypt, marked {@code {bcrypt}} so that another scheme
 * can follow without rewriting the file. bcrypt reads at most 72 bytes of a password, so longer
 * ones are refused rather than silently cut.
 */
public final class PasswordHashes {

    static final String BCRYPT = "{bcrypt}";
    public static final int MAX_PASSWORD_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    // Checked against when no stored hash is, so that an unknown name (or a built-in user) costs what
    // a wrong password costs: made with the configured cost, on the first sign-in, not at start.
    private final BuiltOnFirstUse<String> noOnesHash;

    public PasswordHashes(int cost) {
        this.encoder = new BCryptPasswordEncoder(cost);
        this.noOnesHash = new BuiltOnFirstUse<>(() -> encoder.encode(java.util.UUID.randomUUID().toString()));
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
        encoder.matches(bounded, noOnesHash.get());
    }

    public static boolean isHash(String value) {
        return value.startsWith(BCRYPT + "$2");
    }
}
