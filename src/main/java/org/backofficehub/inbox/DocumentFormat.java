package org.backofficehub.inbox;

import java.nio.charset.StandardCharsets;

/** The document formats the hub recognises from their first significant bytes. */
public enum DocumentFormat {
    JSON, XML, UNKNOWN;

    public static DocumentFormat detect(byte[] document) {
        int start = skipBomAndWhitespace(document);
        if (start >= document.length) {
            return UNKNOWN;
        }
        return switch (document[start]) {
            case '{' -> JSON;
            case '<' -> XML;
            default -> UNKNOWN;
        };
    }

    static String preview(byte[] document) {
        int start = skipBomAndWhitespace(document);
        int end = Math.min(document.length, start + 20);
        return new String(document, start, Math.max(0, end - start), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
    }

    private static int skipBomAndWhitespace(byte[] document) {
        int i = 0;
        if (document.length >= 3 && (document[0] & 0xFF) == 0xEF && (document[1] & 0xFF) == 0xBB && (document[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < document.length && Character.isWhitespace(document[i])) {
            i++;
        }
        return i;
    }
}
