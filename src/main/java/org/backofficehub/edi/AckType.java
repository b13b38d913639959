package org.backofficehub.edi;

/** The functional acknowledgement a partner's profile asks for. */
public enum AckType {
    NONE, CONTRL, X997, X999;

    public static AckType parse(String value) {
        return switch (value.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "NONE", "" -> NONE;
            case "CONTRL" -> CONTRL;
            case "997" -> X997;
            case "999" -> X999;
            default -> throw new IllegalArgumentException("Unknown acknowledgement type '" + value + "' (none, CONTRL, 997, 999)");
        };
    }

    /** What a partner without a profile gets: the acknowledgement of its standard and version. */
    public static AckType defaultFor(EdiStandard standard, String version) {
        if (standard == EdiStandard.EDIFACT) {
            return CONTRL;
        }
        return version != null && version.startsWith("005") ? X999 : X997;
    }
}
