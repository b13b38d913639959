package org.backofficehub.edi.writing;

import io.xlate.edi.stream.EDIStreamValidationError;
import org.backofficehub.edi.InterchangeReport;
import org.backofficehub.edi.MessageVerdict;
import org.backofficehub.edi.SyntaxError;

/**
 * The standards' error codes for what StAEDI reports: UN/EDIFACT syntax error codes (data element
 * 0085, used in CONTRL), the X12 codes of 997/999 segments AK3/IK3 (segment) and AK4/IK4 (element),
 * AK5/IK5 (transaction set) and TA1 (interchange, data element I18).
 */
final class AckCodes {

    private AckCodes() {
    }

    static String edifact(EDIStreamValidationError error) {
        return switch (error) {
            case MANDATORY_SEGMENT_MISSING, REQUIRED_DATA_ELEMENT_MISSING, CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING,
                 CONDITIONAL_REQUIRED_SEGMENT_MISSING, IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING,
                 IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING -> "13";
            case UNRECOGNIZED_SEGMENT_ID, UNEXPECTED_SEGMENT, SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET,
                 SEGMENT_NOT_IN_PROPER_SEQUENCE, IMPLEMENTATION_UNUSED_SEGMENT_PRESENT,
                 IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT -> "15";
            case TOO_MANY_DATA_ELEMENTS, TOO_MANY_COMPONENTS -> "16";
            case SEGMENT_EXCEEDS_MAXIMUM_USE, TOO_MANY_REPETITIONS -> "35";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "36";
            case INVALID_CHARACTER_DATA -> "37";
            case DATA_ELEMENT_TOO_LONG -> "39";
            case DATA_ELEMENT_TOO_SHORT -> "40";
            case INVALID_CODE_VALUE, INVALID_DATE, INVALID_TIME, IMPLEMENTATION_INVALID_CODE_VALUE,
                 IMPLEMENTATION_PATTERN_MATCH_FAILURE -> "12";
            case CONTROL_REFERENCE_MISMATCH -> "28";
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "29";
            default -> "18";
        };
    }

    static String x12Segment(EDIStreamValidationError error, boolean version5010) {
        return switch (error) {
            case UNRECOGNIZED_SEGMENT_ID -> "1";
            case UNEXPECTED_SEGMENT -> "2";
            case MANDATORY_SEGMENT_MISSING, CONDITIONAL_REQUIRED_SEGMENT_MISSING -> "3";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "4";
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> "5";
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> "6";
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "7";
            case IMPLEMENTATION_UNUSED_SEGMENT_PRESENT -> version5010 ? "I4" : "2";
            case IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING -> version5010 ? "I6" : "3";
            case IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES -> version5010 ? "I7" : "3";
            case IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE -> version5010 ? "I8" : "3";
            default -> "8";
        };
    }

    static String x12Element(EDIStreamValidationError error, boolean version5010) {
        return switch (error) {
            case REQUIRED_DATA_ELEMENT_MISSING -> "1";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "2";
            case TOO_MANY_DATA_ELEMENTS -> "3";
            case DATA_ELEMENT_TOO_SHORT -> "4";
            case DATA_ELEMENT_TOO_LONG -> "5";
            case INVALID_CHARACTER_DATA -> "6";
            case INVALID_CODE_VALUE -> "7";
            case INVALID_DATE -> "8";
            case INVALID_TIME -> "9";
            case EXCLUSION_CONDITION_VIOLATED -> "10";
            case TOO_MANY_REPETITIONS -> "12";
            case TOO_MANY_COMPONENTS -> "13";
            case IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT -> version5010 ? "I10" : "10";
            case IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING -> version5010 ? "I12" : "1";
            case IMPLEMENTATION_INVALID_CODE_VALUE -> version5010 ? "I6" : "7";
            default -> "7";
        };
    }

    /**
     * AK5/IK5 for a transaction set refused without syntax errors: 1 (transaction set not supported)
     * when the hub does not take the set, its type or its version, from this partner; else 5.
     */
    static String x12SetRefusal(MessageVerdict.Refusal refusal) {
        return switch (refusal) {
            case TYPE_NOT_SUPPORTED, TYPE_NOT_AGREED, VERSION_NOT_SUPPORTED -> "1";
            case SYNTAX, OTHER -> "5";
        };
    }

    /**
     * The UCM error code (0085) for a message refused without syntax errors: 14 (value not supported
     * in this position: the message type, or its version, as the component says), 17 (no agreement
     * for this message type), else 18 (unspecified). Not 2, which is about UNB's syntax version.
     */
    static String edifactRefusal(MessageVerdict.Refusal refusal) {
        return switch (refusal) {
            case TYPE_NOT_SUPPORTED, VERSION_NOT_SUPPORTED -> "14";
            case TYPE_NOT_AGREED -> "17";
            case SYNTAX, OTHER -> "18";
        };
    }

    /** The UNH component a refusal points at (S009: 1 the message type, 2 its version), or 0 for none. */
    static int edifactRefusalComponent(MessageVerdict.Refusal refusal) {
        return switch (refusal) {
            case TYPE_NOT_SUPPORTED, TYPE_NOT_AGREED -> 1;
            case VERSION_NOT_SUPPORTED -> 2;
            case SYNTAX, OTHER -> 0;
        };
    }

    /**
     * TA105 for a refused interchange: the whole interchange's reason (025 duplicate, 006 unknown
     * sender, 023 premature end, 024 unreadable), else its first envelope error by the ISA element
     * at fault (005/007 an invalid qualifier, 006/008 id, 014/015 date/time, 017 version, 018
     * control number, ...), 001/021 for the IEA's reference and count, 024 for anything else.
     */
    static String ta1(InterchangeReport report) {
        if (report.rejection() != null) {
            return switch (report.rejection()) {
                case DUPLICATE -> "025";
                case UNKNOWN_PARTNER -> "006";
                case TRUNCATED -> "023";
                // An ISA read loosely names the element the reader could not place.
                case UNREADABLE -> report.envelopeErrors().isEmpty() ? "024" : ta1(report, report.envelopeErrors().get(0));
            };
        }
        return ta1(report, report.envelopeErrors().get(0));
    }

    private static String ta1(InterchangeReport report, SyntaxError first) {
        if (first.error() == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
            return "001";
        }
        if (first.error() == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
            return "021";
        }
        if (!"ISA".equals(first.segmentTag())) {
            return "024";
        }
        return switch (first.elementPosition()) {
            case 1 -> "010";
            case 2 -> "011";
            case 3 -> "012";
            case 4 -> "013";
            case 5 -> "005";
            case 6 -> "006";
            case 7 -> "007";
            case 8 -> "008";
            case 9 -> "014";
            case 10 -> "015";
            // From 00501 on, ISA11 is the repetition separator, for which TA1 has no code of its own.
            case 11 -> report.envelope().syntaxVersion() != null && report.envelope().syntaxVersion().compareTo("00501") >= 0
                    ? "024" : "016";
            case 12 -> "017";
            case 13 -> "018";
            case 14 -> "019";
            case 15 -> "020";
            case 16 -> "027";
            case 17 -> "004"; // the segment terminator, the character after ISA16
            default -> "024";
        };
    }

    /** An element's reference number as acknowledgements print it: digits only ("E330" is 330). */
    static String elementReference(String reference) {
        return reference == null ? "" : reference.replaceFirst("^[A-Za-z]+", "");
    }
}
