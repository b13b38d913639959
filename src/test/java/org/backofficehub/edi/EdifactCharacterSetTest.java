package org.backofficehub.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.backofficehub.edi.writing.SegmentWriter;

/**
 * The hub's EDIFACT envelopes say UNOC, so what it writes is ISO 8859-1, and what it reads is
 * decoded as its UNB says (the golden sample orders-d96a-latin1.edi reads umlauts end to end).
 */
class EdifactCharacterSetTest {

    @Test
    void writesLatin1BytesAsTheUnocEnvelopeSays() {
        String written = writeNameSegment("Kaffeerösterei Weiß");

        assertThat(written).contains("NAD+BY+++Kaffeer\u00f6sterei Wei\u00df'");
    }

    @Test
    void foldsTextBeyondLatin1IntoItAndEscapesWhatBecameAReleaseCharacter() {
        // 'ó' is Latin-1, 'Ł' has no decomposition, 'ź' and 'ő' lose their accents, '中' has no Latin-1 form.
        String written = writeNameSegment("Łódź Gőz 中");

        assertThat(written).contains("NAD+BY+++L\u00f3dz Goz ??'");
    }

    @Test
    void readsTheEncodingFromTheSyntaxIdentifier() {
        assertThat(EdiCharsets.of(envelope(EdiStandard.EDIFACT, "UNOC"))).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(EdiCharsets.of(envelope(EdiStandard.EDIFACT, "UNOD")).name()).isEqualTo("ISO-8859-2");
        assertThat(EdiCharsets.of(envelope(EdiStandard.EDIFACT, "UNOW"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(EdiCharsets.of(envelope(EdiStandard.X12, null))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(EdiCharsets.of(null)).isEqualTo(StandardCharsets.UTF_8);
    }

    private static Envelope envelope(EdiStandard standard, String syntaxIdentifier) {
        return new Envelope(standard, "SENDER", "14", "US", "14", "1", syntaxIdentifier, "3", false, "261124", "0815");
    }

    private static String writeNameSegment(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SegmentWriter writer = new SegmentWriter(out, EdiStandard.EDIFACT, "3", EdiCharsets.EDIFACT_OUTBOUND)) {
            writer.segment("UNB", Composite.of("UNOC", "3"), Composite.of("US", "14"), Composite.of("THEM", "14"),
                    Composite.of("261124", "0815"), "1");
            writer.segment("UNH", "1", Composite.of("ORDRSP", "D", "96A", "UN"));
            writer.segment("NAD", "BY", "", "", name);
            writer.segment("UNT", Integer.toString(writer.messageSegmentsWithTrailer()), "1");
            writer.segment("UNZ", "1", "1");
        }
        return new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
    }

}
