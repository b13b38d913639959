package org.backofficehub.edi;

import static org.assertj.core.api.Assertions.assertThat;

import io.xlate.edi.stream.EDIStreamValidationError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backofficehub.support.EdiInterchangeGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 12: an acknowledgement never says less than the truth. It lists every rejected
 * message, however many (a message not listed is one the partner reads as accepted), and keeps
 * them in bounded memory: beyond the first thousand they wait on disk until the acknowledgement is
 * written.
 */
class EdiLargeAcknowledgementTest {

    @TempDir
    Path dir;

    @Test
    void aContrlListsEachOf20000RefusedMessages() throws IOException {
        Path file = dir.resolve("all-refused.edi");
        EdiInterchangeGenerator.edifact(file, "NW000020000", 20_000);
        // Every line's price is no number: every message is refused for its syntax.
        Files.writeString(file, Files.readString(file).replace("PRI+AAA:6.50'", "PRI+AAA:six'"));

        try (EdiRoute route = new EdiRoute(dir, false)) {
            assertThat(route.receive(file)).isEqualTo("edi-rejected");

            String contrl = route.text("CONTRL");
            assertThat(contrl).contains("UCI+NW000020000+4012345000009:14+5790000000004:14+7'");
            List<Integer> listed = new ArrayList<>();
            Matcher ucm = Pattern.compile("UCM\\+(\\d+)\\+ORDERS:D:96A:UN:EAN008\\+4'").matcher(contrl);
            while (ucm.find()) {
                listed.add(Integer.parseInt(ucm.group(1)));
            }
            assertThat(listed).as("every message, in order, none left to be read as accepted").hasSize(20_000)
                    .isSorted().startsWith(1).endsWith(20_000);
            assertThat(contrl).contains("UCM+20000+ORDERS:D:96A:UN:EAN008+4'\nUCS+13'\nUCD+37+1:2'");
            assertThat(route.erpCount("SELECT COUNT(*) FROM ORDHDR")).isZero();
            // Item 9: no message got through, so the interchange is rejected, not partial.
            assertThat(route.inbound("NORDWIND", "NW000020000").state()).isEqualTo("rejected");
        }
        assertThat(spills()).as("the rejected messages kept on disk are removed").isEmpty();
    }

    @Test
    void a997ListsEachOf1500RefusedSets() throws IOException {
        Path file = dir.resolve("all-refused.edi");
        EdiInterchangeGenerator.x12(file, 777, 1_500);
        Files.writeString(file, Files.readString(file).replace("*EA*6.50**VP*", "*EA*six**VP*"));

        try (EdiRoute route = new EdiRoute(dir, false)) {
            assertThat(route.receive(file)).isEqualTo("edi-rejected");

            String ack = route.text("997");
            assertThat(Pattern.compile("AK2\\*850\\*\\d{4}~").matcher(ack).results().count()).isEqualTo(1_500);
            assertThat(Pattern.compile("AK5\\*R\\*5~").matcher(ack).results().count()).isEqualTo(1_500);
            assertThat(ack).contains("AK2*850*1500~").contains("AK9*R*1500*1500*0~");
            assertThat(route.inbound("ACME", "000000777").state()).isEqualTo("rejected");
        }
    }

    @Test
    void aGroupKeepsAThousandRejectedMessagesInMemoryAndTheRestOnDisk() throws IOException {
        List<MessageVerdict> expected = new ArrayList<>();
        try (GroupReport group = new GroupReport(new FunctionalGroup("PO", "A", "B", "1", "004010"))) {
            for (int i = 1; i <= 5_000; i++) {
                MessageVerdict verdict = new MessageVerdict("850", String.format("%04d", i), "004010", i % 2 == 0 ? null : "X",
                        List.of(new SyntaxError(EDIStreamValidationError.INVALID_CHARACTER_DATA, "PO1", 7, 4, 0, "E212", "six"),
                                new SyntaxError(EDIStreamValidationError.MANDATORY_SEGMENT_MISSING, "CTT", 9, 0, 0, null, null)),
                        i % 3 == 0 ? "r\u00e9sum\u00e9 " + i : null);
                group.rejected(verdict);
                expected.add(verdict);
            }
            group.accepted();

            assertThat(group.heldInMemory()).isEqualTo(GroupReport.KEPT_IN_MEMORY);
            assertThat(spills()).hasSize(1);
            assertThat(group.rejectedCount()).isEqualTo(5_000);
            assertThat(group.received()).isEqualTo(5_001);
            assertThat(group.rejectedMessages()).containsExactlyElementsOf(expected);
            assertThat(group.rejectedMessages()).as("read again").hasSize(5_000);
        }
        assertThat(spills()).isEmpty();
    }

    private static List<Path> spills() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("hub-edi-rejected-")).toList();
        }
    }

    static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }
}
