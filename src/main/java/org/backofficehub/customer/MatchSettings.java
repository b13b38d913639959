package org.backofficehub.customer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the customer master matches and which source wins: name similarity needed alongside a shared
 * telephone number or address, the region national phone numbers are read in, and the origin
 * ranking for survivorship.
 */
public record MatchSettings(double phoneNameThreshold, double addressNameThreshold, String defaultRegion, List<Origin> sourcePriority) {

    public static MatchSettings defaults() {
        return new MatchSettings(0.95, 0.95, "DE", List.of(Origin.ERP, Origin.EDI, Origin.DOCUMENT, Origin.WEBSTORE));
    }

    /** "ERP, EDI, WEBSTORE" as configured. */
    public static List<Origin> parsePriority(String configured) {
        return Arrays.stream(configured.split("\\s*,\\s*")).filter(s -> !s.isBlank())
                .map(s -> Origin.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
    }
}
