package org.backofficehub.edi.writing;

import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * The standards' error codes for what StAEDI reports: UN/EDIFACT syntax error codes (data element
 * 0085, used in CONTRL) and the X12 codes of 997/999 segments AK3/IK3 (segment) and AK4/IK4 (element).
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

    /** An element's reference number as acknowledgements print it: digits only ("E330" is 330). */
    static String elementReference(String reference) {
        return reference == null ? "" : reference.replaceFirst("^[A-Za-z]+", "");
    }
}
