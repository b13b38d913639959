package org.backofficehub.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File names the hub makes from names others chose (archive copies, replays): no character a
 * file name cannot carry safely, and short enough for the file system, whose limit is 255 bytes
 * (not characters) on ext4, XFS and most others. A name cut short keeps its start, its extension
 * and a digest of the whole, so two long names that share a start stay two names.
 */
public final class FileNames {

    /** The usual file systems' limit on one name, in bytes. */
    public static final int MAX_NAME_BYTES = 255;

    private static final int MAX_EXTENSION_BYTES = 16;

    private FileNames() {
    }

    /** Backslashes (Camel reads them as separators) and control characters become '_'. */
    public static String safe(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (c == '\\' || c == '/' || Character.getType(c) == Character.CONTROL) {
                safe.append('_');
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }

    /** The name for a reason file or a log line: control characters written out (\\u000A), so a name stays one line. */
    public static String printable(String name) {
        StringBuilder printable = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.CONTROL) {
                printable.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            } else {
                printable.appendCodePoint(c);
            }
        });
        return printable.toString();
    }

    /** The name as it is if it fits {@code maxBytes} in UTF-8; else its start, "~", eight hex digits of its SHA-256, and its extension. */
    public static String fit(String name, int maxBytes) {
        if (bytes(name) <= maxBytes) {
            return name;
        }
        String extension = extension(name);
        String digest = digest(name);
        int budget = maxBytes - bytes(extension) - digest.length();
        StringBuilder start = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length() - extension.length(); ) {
            int codePoint = name.codePointAt(i);
            int size = bytes(new String(Character.toChars(codePoint)));
            if (used + size > budget) {
                break;
            }
            start.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return start + digest + extension;
    }

    /** {@code name} told apart by a digest of {@code original}: "a_b.json" for "a\\b.json" when "a_b.json" is taken. */
    public static String distinct(String name, String original) {
        String extension = extension(name);
        return name.substring(0, name.length() - extension.length()) + digest(original) + extension;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && bytes(name.substring(dot)) <= MAX_EXTENSION_BYTES ? name.substring(dot) : "";
    }

    private static String digest(String name) {
        return "~" + HexFormat.of().formatHex(sha256(name)).substring(0, 8);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static byte[] sha256(String name) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
