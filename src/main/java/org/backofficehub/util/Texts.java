package org.backofficehub.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Text cut to the width a column or an element holds. */
public final class Texts {

    private Texts() {
    }

    /** At most {@code length} characters of the value; null stays null. */
    public static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    /**
     * At most {@code length} characters of an identifier, still unique to the whole: a longer one
     * keeps its start and, after '~', eight hex digits of its SHA-256. Clipping alone would make two
     * senders that share a long prefix one (their order numbers would collide).
     */
    public static String fit(String identifier, int length) {
        if (identifier.length() <= length) {
            return identifier;
        }
        String digest = HexFormat.of().formatHex(sha256(identifier)).substring(0, 8);
        return identifier.substring(0, length - digest.length() - 1) + "~" + digest;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
