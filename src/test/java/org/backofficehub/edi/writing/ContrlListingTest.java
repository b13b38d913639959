package org.backofficehub.edi.writing;

import static org.assertj.core.api.Assertions.assertThat;

import io.xlate.edi.stream.EDIStreamValidationError;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.GroupReport;
import org.backofficehub.edi.InterchangeReport;
import org.backofficehub.edi.MessageVerdict;
import org.backofficehub.edi.SyntaxError;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 12, at CONTRL's own limit: a CONTRL message has at most 999,999 segments. When
 * listing every rejected message with its segments and elements would exceed it, each is still
 * listed, as one UCM with its first error's code; none is ever left out.
 */
class ContrlListingTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 10, 30, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void rejectedMessagesBeyondWhatDetailAllowsAreStillEachListed() throws IOException {
        Map<String, Long> detailed = segments(300_000); // 3 + 300,000 x (UCM, UCS, UCD) = 900,003: every position
        assertThat(detailed).containsEntry("UCM", 300_000L).containsEntry("UCS", 300_000L).containsEntry("UCD", 300_000L);

        Map<String, Long> brief = segments(340_000); // 1,020,003 would not fit
        assertThat(brief).containsEntry("UCM", 340_000L).doesNotContainKeys("UCS", "UCD");
    }

    /** The segments of the CONTRL acknowledging an interchange with this many messages, each with an invalid element. */
    private Map<String, Long> segments(int rejected) throws IOException {
        PartnerProfile nordwind = PartnerProfiles.load(Path.of("config/partners"), false, "BACKOFFICEHUB", key -> null).byId("NORDWIND")
                .orElseThrow();
        Path contrl = dir.resolve("contrl-" + rejected + ".edi");
        try (InterchangeReport report = new InterchangeReport(new Envelope(EdiStandard.EDIFACT, "4012345000009", "14", "5790000000004",
                "14", "NW1", "UNOC", "3", false, "261123", "1015"))) {
            GroupReport group = report.implicitGroup();
            for (int i = 1; i <= rejected; i++) {
                group.rejected(new MessageVerdict("ORDERS", Integer.toString(i), "D96A", "EAN008",
                        List.of(new SyntaxError(EDIStreamValidationError.INVALID_CHARACTER_DATA, "PRI", 12, 1, 2, null, "six")), null));
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(contrl));
                 SegmentWriter writer = new SegmentWriter(out, EdiStandard.EDIFACT, "3", StandardCharsets.ISO_8859_1)) {
                ContrlWriter.write(writer, report, nordwind, "1", 1, NOW);
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Stream<String> lines = Files.lines(contrl, StandardCharsets.ISO_8859_1)) {
            lines.filter(line -> line.length() >= 3).forEach(line -> counts.merge(line.substring(0, 3), 1L, Long::sum));
        }
        assertThat(Files.readString(contrl, StandardCharsets.ISO_8859_1)).contains("UCI+NW1+4012345000009:14+5790000000004:14+7'");
        return counts;
    }
}
