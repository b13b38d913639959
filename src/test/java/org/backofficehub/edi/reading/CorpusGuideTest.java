package org.backofficehub.edi.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.backofficehub.edi.EdiCharsets;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.InterchangeListener;
import org.backofficehub.edi.SyntaxError;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public partner files of {@code ../shared/edi-corpus} through the guides only (no partner
 * profile, no translation): how many order messages are well-formed per their standard, and the
 * compiled guide agreeing with StAEDI on every one. The messages still refused are invalid per
 * their standard in fact (no PO1/UNS/BGM, counts that do not match, values too long, a delimiter
 * in data, dates of the wrong length for the version); see the report printed. With
 * {@code -Dcorpus.normalize=true} what only the reader refuses (a byte order mark, an EDIFACT
 * message without UNB) is mended first, so the guides see those messages too.
 */
class CorpusGuideTest {

    private static final TransactionSchemas SCHEMAS = new TransactionSchemas();
    private static final InterchangeReader GUIDED = new InterchangeReader(SCHEMAS);
    private static final InterchangeReader EXHAUSTIVE = InterchangeReader.exhaustive(SCHEMAS);

    @ParameterizedTest
    // 10 X12: the two 003010 sets with N103 but no N104 (syntax note P0304) fail since the guides enforce syntax notes.
    @CsvSource({"x12-850, 850, 10", "edifact-orders, ORDERS, 26"})
    void theCorpusOrdersThatAreWellFormedPassTheGuides(String folder, String type, int wellFormed) throws Exception {
        Path dir = Path.of("../shared/edi-corpus", folder);
        Assumptions.assumeTrue(Files.isDirectory(dir), "no corpus at " + dir.toAbsolutePath());
        boolean normalize = Boolean.getBoolean("corpus.normalize");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        int total = 0;
        int passed = 0;
        StringBuilder report = new StringBuilder();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            if (normalize) {
                bytes = normalized(bytes);
            }
            Charset charset = EdiCharsets.of(EnvelopePeek.first(new BufferedInputStream(new ByteArrayInputStream(bytes)), GUIDED));
            List<String> guided = new ArrayList<>();
            List<EdiMessage> orders = read(GUIDED, bytes, charset, guided);
            assertThat(guided).as(file.toString()).isEqualTo(transcript(bytes, charset));
            int fileTotal = 0;
            int filePassed = 0;
            for (EdiMessage message : orders) {
                if (!message.type().equals(type)) {
                    continue;
                }
                fileTotal++;
                if (message.errors().isEmpty()) {
                    filePassed++;
                } else {
                    report.append("    ").append(message.version()).append(' ').append(message.controlNumber()).append(": ")
                            .append(message.errors().stream().limit(4).map(SyntaxError::describe).toList()).append('\n');
                }
            }
            total += fileTotal;
            passed += filePassed;
            report.append("  ").append(file.getFileName()).append(": ").append(filePassed).append('/').append(fileTotal)
                    .append(guided.stream().filter(line -> line.startsWith("refused")).map(line -> " " + line).findFirst().orElse(""))
                    .append('\n');
        }
        System.out.println("Corpus " + folder + ": " + passed + " of " + total + " " + type + " messages pass the guides\n" + report);
        assertThat(passed).as(folder + " messages well-formed per the guides").isGreaterThanOrEqualTo(wellFormed);
    }

    private static List<String> transcript(byte[] bytes, Charset charset) {
        List<String> lines = new ArrayList<>();
        read(EXHAUSTIVE, bytes, charset, lines);
        return lines;
    }

    private static List<EdiMessage> read(InterchangeReader reader, byte[] bytes, Charset charset, List<String> lines) {
        List<EdiMessage> messages = new ArrayList<>();
        try {
            reader.read(new ByteArrayInputStream(bytes), charset, new InterchangeListener() {
                @Override
                public void interchangeStarted(Envelope envelope) {
                }

                @Override
                public void message(EdiMessage message) {
                    messages.add(message);
                    lines.add(message.type() + " " + message.controlNumber() + " " + message.errors());
                }

                @Override
                public void interchangeEnded(Envelope envelope, List<SyntaxError> errors) {
                    lines.add("end " + errors);
                }
            });
        } catch (InterchangeSyntaxException e) {
            lines.add("refused: " + e.getMessage());
        }
        return messages;
    }

    /** What the reader, not the guide, refuses: a byte order mark, an EDIFACT message without UNB. */
    private static byte[] normalized(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            text = text.substring(3);
        }
        String una = text.startsWith("UNA") ? text.substring(0, 9) : "";
        String rest = text.substring(una.length()).stripLeading();
        if (rest.startsWith("UNH")) {
            char element = una.isEmpty() ? '+' : una.charAt(4);
            char terminator = una.isEmpty() ? '\'' : una.charAt(8);
            text = una + "UNB" + element + "UNOC:3" + element + "PROBE:ZZZ" + element + "HUB:ZZZ" + element + "260101:1200"
                    + element + "1" + terminator + rest.stripTrailing() + "UNZ" + element + "1" + element + "1" + terminator;
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
