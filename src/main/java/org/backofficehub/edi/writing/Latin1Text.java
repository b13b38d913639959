package org.backofficehub.edi.writing;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Text for a document written in ISO 8859-1 (EDIFACT's UNOC, or an X12 partner's profile encoding):
 * characters beyond it lose their accents
 * ('Ł' becomes 'L', 'ő' becomes 'o'), and what has no Latin-1 form at all becomes '?'. Left to the
 * encoder, such a character would be dropped or replaced behind StAEDI's back, after it escaped
 * delimiters and release characters; folded here, before writing, every character the partner
 * gets is one StAEDI has seen and escaped.
 */
final class Latin1Text {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    // Letters with no decomposition into a base letter and marks, and common typography.
    private static final Map<Character, String> WITHOUT_DECOMPOSITION = Map.ofEntries(
            Map.entry('Ł', "L"), Map.entry('ł', "l"), Map.entry('Đ', "D"), Map.entry('đ', "d"),
            Map.entry('Œ', "OE"), Map.entry('œ', "oe"), Map.entry('ı', "i"), Map.entry('€', "EUR"),
            Map.entry('‘', "'"), Map.entry('’', "'"), Map.entry('‚', "'"), Map.entry('“', "\""),
            Map.entry('”', "\""), Map.entry('„', "\""), Map.entry('–', "-"), Map.entry('—', "-"),
            Map.entry('…', "..."));

    private Latin1Text() {
    }

    static String fold(String text) {
        if (isLatin1(text)) {
            return text;
        }
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0xFF) {
                folded.append(c);
            } else if (WITHOUT_DECOMPOSITION.containsKey(c)) {
                folded.append(WITHOUT_DECOMPOSITION.get(c));
            } else {
                String base = COMBINING_MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
                folded.append(!base.isEmpty() && isLatin1(base) ? base : "?");
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    i++; // one '?' for the whole character outside the basic plane
                }
            }
        }
        return folded.toString();
    }

    private static boolean isLatin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
