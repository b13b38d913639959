package org.backofficehub.modes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a business route delivers: at once, or staged and drained on a schedule (cheaper). */
public enum RouteMode {
    REALTIME, BATCH;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RouteMode parse(String text) {
        for (RouteMode mode : values()) {
            if (mode.code().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown mode '" + text + "'; use realtime or batch");
    }
}
