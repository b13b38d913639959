package org.backofficehub.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code admin failures} as a table an operator reads in a terminal: a header row, one failure a
 * line, its age rather than a timestamp, and the reason cut to what is left of the line so that
 * nothing wraps.
 */
final class FailureTable {

    private static final String ROW = "%6s  %-18s %-10s %-20s %-5s %s";
    // Below this a reason says too little to be worth a line that fits: the line wraps instead.
    private static final int MIN_REASON = 40;

    private final int width;
    private final Clock clock;

    FailureTable(int width, Clock clock) {
        this.width = width;
        this.clock = clock;
    }

    void print(JsonNode failures, PrintStream out) {
        out.println(String.format(ROW, "ID", "ROUTE", "STATE", "PROBLEM", "AGE", "REASON").stripTrailing());
        for (JsonNode failure : failures) {
            String start = String.format(ROW, failure.path("id").asText(), clip(failure.path("routeId").asText(), 18),
                    failure.path("state").asText(), clip(failure.path("problem").asText(), 20),
                    age(failure.path("createdAt").asText()), "");
            out.println(start + clip(oneLine(failure.path("reason").asText()), Math.max(MIN_REASON, width - start.length())));
        }
    }

    /** 42s, 5m, 3h, 2d: enough to tell this morning's failure from last week's. */
    String age(String createdAt) {
        try {
            Duration age = Duration.between(Instant.parse(createdAt), clock.instant());
            if (age.isNegative() || age.toSeconds() < 60) {
                return Math.max(0, age.toSeconds()) + "s";
            }
            if (age.toMinutes() < 60) {
                return age.toMinutes() + "m";
            }
            return age.toHours() < 48 ? age.toHours() + "h" : age.toDays() + "d";
        } catch (DateTimeParseException e) {
            return "-";
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 3)) + "...";
    }
}
