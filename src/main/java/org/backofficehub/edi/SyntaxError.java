package org.backofficehub.edi;

import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * A syntax error found while reading, located the way acknowledgements report it: segment tag and
 * position within the message (the header counts as 1), element and component positions (0 when
 * the error is about the whole segment), and the element's reference number when the schema knows it.
 */
public record SyntaxError(EDIStreamValidationError error, String segmentTag, int segmentPosition, int elementPosition,
                          int componentPosition, String elementReference, String badData) {

    public boolean aboutSegment() {
        return elementPosition == 0;
    }

    public String describe() {
        StringBuilder where = new StringBuilder(segmentTag);
        if (segmentPosition > 0) {
            where.append(" (segment ").append(segmentPosition).append(')');
        }
        if (elementPosition > 0) {
            where.append(", element ").append(elementPosition);
            if (componentPosition > 0) {
                where.append('.').append(componentPosition);
            }
        }
        return where + ": " + error.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (badData == null || badData.isEmpty() ? "" : " ('" + badData + "')");
    }
}
