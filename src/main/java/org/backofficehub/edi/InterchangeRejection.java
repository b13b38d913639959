package org.backofficehub.edi;

/** Why a whole interchange is refused before any of its messages is looked at. */
public enum InterchangeRejection {
    DUPLICATE("duplicate interchange control number"),
    UNKNOWN_PARTNER("no partner profile for the sender"),
    TRUNCATED("the interchange ends before its trailer"),
    UNREADABLE("the interchange cannot be read to its end");

    private final String description;

    InterchangeRejection(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
