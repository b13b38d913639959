package org.backofficehub.edi.writing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * A document sent before, given new control numbers: the interchange's (UNB/UNZ 0020; ISA13/IEA02)
 * and, in X12, the group's (GS06/GE02, which a 997/999 names). Everything else stays byte for byte:
 * message references only need to be unique within their interchange. Read as ISO 8859-1, which
 * maps every byte to one character and back, so the partner's encoding does not matter; the
 * delimiters are the document's own (UNA, or the ISA's fixed positions).
 */
final class EnvelopeRenumbering {

    /** The renumbered document, and how many messages (UNH, ST) it holds. */
    record Renumbered(byte[] content, int messages) {
    }

    private EnvelopeRenumbering() {
    }

    static Renumbered renumber(EdiStandard standard, byte[] original, String interchangeNumber, String groupNumber) {
        String text = new String(original, StandardCharsets.ISO_8859_1);
        return standard == EdiStandard.EDIFACT ? edifact(text, interchangeNumber) : x12(text, interchangeNumber, groupNumber);
    }

    private static Renumbered edifact(String text, String interchangeNumber) {
        char element = '+';
        char release = '?';
        char terminator = '\'';
        if (text.startsWith("UNA") && text.length() >= 9) {
            element = text.charAt(4);
            release = text.charAt(6);
            terminator = text.charAt(8);
        }
        // The UNA service string is no segment: its characters are the delimiters themselves.
        int una = text.startsWith("UNA") ? 9 : 0;
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, una);
        int messages = 0;
        int start = una;
        for (int i = una; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == release && i >= una && i + 1 < text.length()) {
                i++; // the next character is literal
                continue;
            }
            if (c == terminator && i >= una) {
                String segment = text.substring(start, i);
                String tag = tag(segment, element);
                if ("UNH".equals(tag)) {
                    messages++;
                }
                out.append(switch (tag) {
                    case "UNB" -> replace(segment, element, release, 5, interchangeNumber);
                    case "UNZ" -> replace(segment, element, release, 2, interchangeNumber);
                    default -> segment;
                }).append(c);
                start = i + 1;
            }
        }
        out.append(text, start, text.length());
        return new Renumbered(out.toString().getBytes(StandardCharsets.ISO_8859_1), messages);
    }

    private static Renumbered x12(String text, String interchangeNumber, String groupNumber) {
        if (!text.startsWith("ISA") || text.length() < 106) {
            throw new InputRejectedException(ProblemType.NOTHING_TO_RESEND, "Not an X12 interchange: it does not start with a whole ISA segment");
        }
        char element = text.charAt(3);
        char terminator = text.charAt(105);
        StringBuilder out = new StringBuilder(text.length());
        int messages = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != terminator) {
                continue;
            }
            String segment = text.substring(start, i);
            String tag = tag(segment, element);
            if ("ST".equals(tag)) {
                messages++;
            }
            out.append(switch (tag) {
                case "ISA" -> replace(segment, element, (char) 0, 13, interchangeNumber);
                case "IEA" -> replace(segment, element, (char) 0, 2, interchangeNumber);
                case "GS" -> replace(segment, element, (char) 0, 6, groupNumber);
                case "GE" -> replace(segment, element, (char) 0, 2, groupNumber);
                default -> segment;
            }).append(terminator);
            start = i + 1;
        }
        out.append(text, start, text.length());
        return new Renumbered(out.toString().getBytes(StandardCharsets.ISO_8859_1), messages);
    }

    /** The segment's tag, whatever line break or blank the writer put before it. */
    private static String tag(String segment, char element) {
        String trimmed = segment.stripLeading();
        int end = trimmed.indexOf(element);
        return end < 0 ? trimmed : trimmed.substring(0, end);
    }

    /** The segment with its {@code index}th element (the tag is the 0th) replaced; escapes elsewhere kept as they are. */
    private static String replace(String segment, char element, char release, int index, String value) {
        List<String> elements = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (release != 0 && c == release) {
                i++;
            } else if (c == element) {
                elements.add(segment.substring(start, i));
                start = i + 1;
            }
        }
        elements.add(segment.substring(start));
        if (index >= elements.size()) {
            throw new InputRejectedException(ProblemType.NOTHING_TO_RESEND, "Segment " + elements.get(0).strip() + " has no element " + index + " to renumber");
        }
        elements.set(index, value);
        return String.join(String.valueOf(element), elements);
    }
}
