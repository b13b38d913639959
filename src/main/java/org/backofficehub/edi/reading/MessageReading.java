package org.backofficehub.edi.reading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/** Value conversions shared by the EDI translators, each failing with the segment at fault named. */
final class MessageReading {

    /** The length of EDIFACT's text elements (3036 party name, 7008 item description, 3042 street: an..35). */
    private static final int EDIFACT_TEXT_LENGTH = 35;

    private MessageReading() {
    }

    static String required(String value, String where, String what) {
        if (value == null || value.isBlank()) {
            throw rejected(where, what + " is missing");
        }
        return value;
    }

    static BigDecimal decimal(String value, String where) {
        try {
            return new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw rejected(where, "'" + value + "' is not a number");
        }
    }

    /** A price as money: at least two decimals, whatever the engine did to trailing zeros (6.5 is 6.50). */
    static BigDecimal price(BigDecimal value) {
        return value.scale() < 2 ? value.setScale(2) : value;
    }

    /**
     * A date as CCYYMMDD, or YYMMDD (X12 before 004010, EDIFACT format 101) taken as this century;
     * a longer value (CCYYMMDDHHMM, a CCYYMMDD-CCYYMMDD period) by its first date.
     */
    static LocalDate date(String value, String where) {
        String trimmed = value.trim();
        if (trimmed.length() == 6 && trimmed.chars().allMatch(Character::isDigit)) {
            trimmed = "20" + trimmed;
        }
        String digits = trimmed.length() >= 8 ? trimmed.substring(0, 8) : trimmed;
        try {
            return LocalDate.parse(digits, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw rejected(where, "'" + value + "' is not a date (CCYYMMDD)");
        }
    }

    /**
     * EDIFACT text given in several components of one composite (an item description's two 7008, a
     * party name's five 3036): a part of exactly 35 characters, the length these elements have in
     * the directories partners write, was cut at that length, mid-word as often as not
     * ("Chamber of Sec" + "rets"), and goes on without a space; a shorter part is a line of its
     * own, and the next follows after one space.
     */
    static String continued(String... parts) {
        StringBuilder text = new StringBuilder();
        String previous = null;
        for (String part : parts) {
            if (part == null || part.isBlank()) {
                continue;
            }
            if (previous != null && previous.length() != EDIFACT_TEXT_LENGTH) {
                text.append(' ');
            }
            text.append(part);
            previous = part;
        }
        return blankToNull(text.toString());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static InputRejectedException rejected(String where, String reason) {
        return new InputRejectedException(ProblemType.SCHEMA_VIOLATION, where + ": " + reason,
                java.util.List.of(new FieldProblem(where, reason)));
    }
}
