package org.backofficehub.edi.reading;

import io.xlate.edi.stream.EDIStreamValidationError;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.SyntaxError;

/**
 * An ISA that StAEDI cannot place, read by its element separator instead of its fixed columns:
 * enough to know who sent the interchange and answer it with a TA1 that names the ISA element at
 * fault (a sender id of 13 characters where the ISA's fixed length wants 15, a space as segment
 * terminator). The interchange is refused either way; without this its sender heard nothing.
 */
public final class LooseIsa {

    /** ISA01..ISA16's fixed widths (X12.5): an element of another width is what the TA1 names. */
    private static final int[] WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};
    /** More than an ISA, however its elements are padded: the segment terminator must be within it. */
    private static final int HEAD = 160;

    /** The header as read, and what is wrong with it: never empty (StAEDI refused it for a reason). */
    public record Header(Envelope envelope, List<SyntaxError> faults) {
    }

    private LooseIsa() {
    }

    /** The first ISA of the stream if it has 16 elements separated as its fourth character says; the stream is rewound. */
    public static Header read(BufferedInputStream in) {
        byte[] head;
        try {
            in.mark(HEAD);
            head = in.readNBytes(HEAD);
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.length() < 4 || !text.startsWith("ISA") || Character.isLetterOrDigit(text.charAt(3))) {
            return null;
        }
        char separator = text.charAt(3);
        List<String> elements = new ArrayList<>();
        int start = 4;
        for (int i = 0; i < 15; i++) {
            int end = text.indexOf(separator, start);
            if (end < 0) {
                return null;
            }
            elements.add(text.substring(start, end));
            start = end + 1;
        }
        if (start + 1 >= text.length()) {
            return null;
        }
        elements.add(text.substring(start, start + 1)); // ISA16, the component separator
        char terminator = text.charAt(start + 1);
        List<SyntaxError> faults = new ArrayList<>();
        for (int i = 0; i < WIDTHS.length; i++) {
            int width = elements.get(i).length();
            if (width != WIDTHS[i]) {
                faults.add(new SyntaxError(width > WIDTHS[i] ? EDIStreamValidationError.DATA_ELEMENT_TOO_LONG
                        : EDIStreamValidationError.DATA_ELEMENT_TOO_SHORT, "ISA", 1, i + 1, 0, null, elements.get(i)));
            }
        }
        if (Character.isLetterOrDigit(terminator) || terminator == ' ') {
            // A terminator that also occurs in data cannot end a segment: TA1 has a code for that (004).
            faults.add(new SyntaxError(EDIStreamValidationError.INVALID_CHARACTER_DATA, "ISA", 1, 17, 0, null, String.valueOf(terminator)));
        }
        if (faults.isEmpty()) {
            faults.add(new SyntaxError(EDIStreamValidationError.INVALID_CHARACTER_DATA, "ISA", 1, 0, 0, null, null));
        }
        Envelope envelope = new Envelope(EdiStandard.X12, elements.get(5).trim(), elements.get(4).trim(), elements.get(7).trim(),
                elements.get(6).trim(), elements.get(12).trim(), null, elements.get(11).trim(), "T".equals(elements.get(14).trim()),
                elements.get(8).trim(), elements.get(9).trim());
        return new Header(envelope, List.copyOf(faults));
    }
}
