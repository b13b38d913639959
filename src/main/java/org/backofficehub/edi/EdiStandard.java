package org.backofficehub.edi;

/** The EDI standards the hub speaks, recognised by how an interchange begins. */
public enum EdiStandard {
    EDIFACT, X12;

    /** The standard an interchange starting with these bytes belongs to, or null when it is not EDI. */
    public static EdiStandard detect(byte[] head, int length) {
        int i = 0;
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (length - i < 3) {
            return null;
        }
        // The same tags in EBCDIC (code page 037), as mainframe partners write them.
        int a = head[i] & 0xFF;
        int b = head[i + 1] & 0xFF;
        int c = head[i + 2] & 0xFF;
        if (a == 0xC9 && b == 0xE2 && c == 0xC1) {
            return X12;
        }
        if (a == 0xE4 && b == 0xD5 && (c == 0xC1 || c == 0xC2)) {
            return EDIFACT;
        }
        String tag = new String(head, i, 3, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (tag) {
            case "UNA", "UNB" -> EDIFACT;
            case "ISA" -> X12;
            default -> null;
        };
    }
}
