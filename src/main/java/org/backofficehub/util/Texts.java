package org.backofficehub.util;

/** Text cut to the width a column or an element holds. */
public final class Texts {

    private Texts() {
    }

    /** At most {@code length} characters of the value; null stays null. */
    public static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
