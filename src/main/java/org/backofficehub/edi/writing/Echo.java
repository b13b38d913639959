package org.backofficehub.edi.writing;

import org.backofficehub.util.Texts;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.partners.EnvelopeSyntax;

/**
 * Values an acknowledgement repeats from the inbound interchange it answers, as the standard lets
 * them be written: what the partner sent when it is valid, else the nearest valid value the
 * standard's rules give. An inbound envelope may be refused precisely because such a value is
 * invalid; the acknowledgement saying so must still be a valid document.
 */
final class Echo {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private Echo() {
    }

    /** At most {@code max} characters of it; empty for none. */
    static String cut(String value, int max) {
        return value == null ? "" : Texts.clip(value, max);
    }

    /**
     * TA101, the ICN of the interchange answered (nine digits): as sent; a shorter number padded
     * with zeros to its nine; one that is no number at all (the TA1 then says 018) as 000000000.
     */
    static String x12ControlNumber(String sent) {
        String number = sent == null ? "" : sent.trim();
        if (EnvelopeSyntax.validX12ControlNumber(number)) {
            return number;
        }
        return number.length() < 9 && number.chars().allMatch(c -> c >= '0' && c <= '9') && !number.isEmpty()
                ? "0".repeat(9 - number.length()) + number : "000000000";
    }

    /** TA102: the interchange's date as sent, or, when it is no valid date (the TA1 then says 014), the day it was answered. */
    static String x12Date(String sent, ZonedDateTime answered) {
        return EnvelopeSyntax.validX12Date(sent) ? sent : YYMMDD.format(answered);
    }

    /** TA103: as {@link #x12Date}, for the time (015). */
    static String x12Time(String sent, ZonedDateTime answered) {
        return EnvelopeSyntax.validX12Time(sent) ? sent : HHMM.format(answered);
    }

    /** A UCI's interchange sender or recipient qualifier: as sent when it is a valid code, else left out (it is optional). */
    static String edifactQualifier(String sent) {
        return EnvelopeSyntax.validQualifier(EdiStandard.EDIFACT, sent) ? sent : "";
    }

    /** AK404/IK404, a copy of the bad data: only a true copy (at most 99 characters, no delimiter), else none. */
    static String x12BadData(String sent) {
        if (sent == null || sent.isEmpty() || sent.length() > 99 || EnvelopeSyntax.containsX12Delimiter(sent)) {
            return "";
        }
        return sent;
    }
}
