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

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static InputRejectedException rejected(String where, String reason) {
        return new InputRejectedException(ProblemType.SCHEMA_VIOLATION, where + ": " + reason,
                java.util.List.of(new FieldProblem(where, reason)));
    }
}
