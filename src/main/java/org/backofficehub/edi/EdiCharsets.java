package org.backofficehub.edi;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The character encoding of an interchange's bytes. EDIFACT names it in UNB's syntax identifier
 * (ISO 9735): UNOC, the usual one in Europe, is ISO 8859-1, in which 'ß' is one byte that UTF-8
 * cannot decode. X12 names none; its character sets are ASCII, read here as UTF-8.
 */
public final class EdiCharsets {

    private static final Map<String, Charset> EDIFACT = Map.ofEntries(
            // UNOA and UNOB are 7-bit subsets; partners who label Latin-1 text UNOA still get it read.
            Map.entry("UNOA", StandardCharsets.ISO_8859_1),
            Map.entry("UNOB", StandardCharsets.ISO_8859_1),
            Map.entry("UNOC", StandardCharsets.ISO_8859_1),
            Map.entry("UNOD", Charset.forName("ISO-8859-2")),
            Map.entry("UNOE", Charset.forName("ISO-8859-5")),
            Map.entry("UNOF", Charset.forName("ISO-8859-7")),
            Map.entry("UNOG", Charset.forName("ISO-8859-3")),
            Map.entry("UNOH", Charset.forName("ISO-8859-4")),
            Map.entry("UNOI", Charset.forName("ISO-8859-6")),
            Map.entry("UNOJ", Charset.forName("ISO-8859-8")),
            Map.entry("UNOK", Charset.forName("ISO-8859-9")),
            Map.entry("UNOW", StandardCharsets.UTF_8));

    /** What the hub writes: its envelopes say UNOC. */
    public static final Charset EDIFACT_OUTBOUND = StandardCharsets.ISO_8859_1;

    private EdiCharsets() {
    }

    /** The encoding of a file whose first interchange has this header ({@code null}: none could be read). */
    public static Charset of(Envelope first) {
        if (first == null || first.standard() != EdiStandard.EDIFACT || first.syntaxIdentifier() == null) {
            return StandardCharsets.UTF_8;
        }
        return EDIFACT.getOrDefault(first.syntaxIdentifier().trim(), StandardCharsets.UTF_8);
    }
}
