package org.backofficehub.edi.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.Test;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.FunctionalGroup;
import org.backofficehub.edi.InterchangeListener;
import org.backofficehub.edi.SyntaxError;

/**
 * The guided reader (compiled guide first, StAEDI only for what the guide cannot confirm) must say
 * exactly what the exhaustive reader (StAEDI validating every message) says: about every sample,
 * and about thousands of damaged copies of the valid ones (segments dropped, doubled, swapped,
 * renamed; values emptied, lengthened, made non-numeric, split into components; elements added).
 */
class MessageGuideTest {

    private static final TransactionSchemas SCHEMAS = new TransactionSchemas();
    private static final InterchangeReader GUIDED = new InterchangeReader(SCHEMAS);
    private static final InterchangeReader EXHAUSTIVE = InterchangeReader.exhaustive(SCHEMAS);

    @Test
    void theGuideConfirmsEveryMessageOfTheValidSamples() throws IOException {
        int confirmed = 0;
        for (Path sample : validSamples()) {
            List<EdiMessage> messages = messagesOf(Files.readAllBytes(sample));
            assertThat(messages).as(sample + ": messages read").isNotEmpty();
            for (EdiMessage message : messages) {
                MessageGuide guide = SCHEMAS.guide(standardOf(message), message.type(), message.version());
                assertThat(message.errors()).as(sample + " " + message.controlNumber()).isEmpty();
                assertThat(guide.accepts(message.segments(), '.')).as(sample + " " + message.controlNumber()).isTrue();
                confirmed++;
            }
        }
        assertThat(confirmed).isGreaterThanOrEqualTo(8);
    }

    /** Header and trailer are StAEDI's control schema's business, checked whatever the guide says. */
    private static final Set<String> ENVELOPE_TAGS = Set.of("UNH", "UNT", "ST", "SE");

    @Test
    void theGuideConfirmsNoMessageStaediFindsErrorsIn() throws IOException {
        int refused = 0;
        for (Path sample : allSamples()) {
            for (EdiMessage message : messagesOf(Files.readAllBytes(sample))) {
                MessageGuide guide = SCHEMAS.guide(standardOf(message), message.type(), message.version());
                boolean bodyErrors = message.errors().stream().anyMatch(error -> !ENVELOPE_TAGS.contains(error.segmentTag()));
                if (guide != null && bodyErrors) {
                    assertThat(guide.accepts(message.segments(), '.')).as(sample + " " + message.controlNumber()).isFalse();
                    refused++;
                }
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(4);
    }

    @Test
    void guidedAndExhaustiveReadersSayTheSameAboutEverySample() throws IOException {
        for (Path sample : allSamples()) {
            byte[] bytes = Files.readAllBytes(sample);
            assertThat(transcript(GUIDED, bytes)).as(sample.toString()).isEqualTo(transcript(EXHAUSTIVE, bytes));
        }
    }

    @Test
    void guidedAndExhaustiveReadersSayTheSameAboutEveryDamagedCopy() throws IOException {
        int copies = 0;
        int withErrors = 0;
        for (Path sample : validSamples()) {
            Charset charset = charsetOf(Files.readAllBytes(sample));
            String text = Files.readString(sample, charset);
            for (String damaged : Damage.copiesOf(text)) {
                byte[] bytes = damaged.getBytes(charset);
                List<String> expected = transcript(EXHAUSTIVE, bytes);
                assertThat(transcript(GUIDED, bytes)).as(damaged).isEqualTo(expected);
                copies++;
                if (expected.stream().anyMatch(line -> line.contains("SyntaxError"))) {
                    withErrors++;
                }
            }
        }
        assertThat(copies).isGreaterThan(1_000);
        assertThat(withErrors).as("damaged copies StAEDI finds errors in").isGreaterThan(1_000);
    }

    @Test
    void aRepeatedValueIsReportedAsStaediReportsIt() {
        String x12 = Samples.text("x12/850-005010.edi");
        // 005010 declares ^ as the repetition separator; BEG's purpose code does not repeat.
        String repeated = x12.replaceFirst("BEG\\*00\\*", "BEG*00^01*");
        assertThat(repeated).isNotEqualTo(x12);
        byte[] bytes = repeated.getBytes(StandardCharsets.UTF_8);
        List<String> expected = transcript(EXHAUSTIVE, bytes);
        assertThat(expected).anyMatch(line -> line.contains("TOO_MANY_REPETITIONS"));
        assertThat(transcript(GUIDED, bytes)).isEqualTo(expected);
    }

    private static EdiStandard standardOf(EdiMessage message) {
        return message.type().chars().allMatch(Character::isDigit) ? EdiStandard.X12 : EdiStandard.EDIFACT;
    }

    private static List<EdiMessage> messagesOf(byte[] bytes) {
        List<EdiMessage> messages = new ArrayList<>();
        try {
            EXHAUSTIVE.read(new ByteArrayInputStream(bytes), charsetOf(bytes), new Recorder(new ArrayList<>()) {
                @Override
                public void message(EdiMessage message) {
                    messages.add(message);
                }
            });
        } catch (InterchangeSyntaxException truncatedOrWorse) {
            // The messages read before the damage still count.
        }
        return messages;
    }

    private static List<String> transcript(InterchangeReader reader, byte[] bytes) {
        List<String> lines = new ArrayList<>();
        try {
            reader.read(new ByteArrayInputStream(bytes), charsetOf(bytes), new Recorder(lines));
        } catch (InterchangeSyntaxException e) {
            lines.add("refused: " + e.getMessage());
        }
        return lines;
    }

    /** As the hub decodes them ({@link EdiCharsets}): every EDIFACT sample says UNOC in its UNB. */
    private static Charset charsetOf(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(3, bytes.length), StandardCharsets.US_ASCII);
        return head.equals("UNA") || head.equals("UNB") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    }

    private static List<Path> validSamples() throws IOException {
        return samplesIn("edifact", "x12");
    }

    private static List<Path> allSamples() throws IOException {
        return samplesIn("edifact", "x12", "edifact/invalid", "x12/invalid");
    }

    private static List<Path> samplesIn(String... folders) throws IOException {
        List<Path> samples = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.list(Samples.path(folder))) {
                files.filter(file -> file.toString().endsWith(".edi")).sorted().forEach(samples::add);
            }
        }
        return samples;
    }

    /** Writes down everything a listener is told, errors included, in order. */
    private static class Recorder implements InterchangeListener {
        private final List<String> lines;

        Recorder(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public void interchangeStarted(Envelope envelope) {
            lines.add("interchange " + envelope);
        }

        @Override
        public void groupStarted(FunctionalGroup group) {
            lines.add("group " + group);
        }

        @Override
        public void message(EdiMessage message) {
            lines.add("message " + message.type() + " " + message.controlNumber() + " " + message.segments().size() + " segments");
            message.errors().forEach(error -> lines.add("  " + error));
        }

        @Override
        public void groupEnded(FunctionalGroup group, int declaredMessages, List<SyntaxError> errors) {
            lines.add("group end " + declaredMessages + " " + errors);
        }

        @Override
        public void interchangeEnded(Envelope envelope, List<SyntaxError> errors) {
            lines.add("interchange end " + errors);
        }
    }

    /** Damaged copies of an interchange, one change each, inside its messages only. */
    private static final class Damage {
        private static final String[] VALUES = {"", "ABC", "-1", "1.5", "1.2.3", "20241301", "x".repeat(600), "é\u0007"};

        static List<String> copiesOf(String interchange) {
            boolean x12 = interchange.startsWith("ISA");
            char elementSeparator = x12 ? interchange.charAt(3) : '+';
            char componentSeparator = x12 ? interchange.charAt(104) : ':';
            char terminator = x12 ? interchange.charAt(105) : '\'';
            char release = x12 ? '\0' : '?';
            String serviceAdvice = interchange.startsWith("UNA") ? interchange.substring(0, 9) : "";
            List<String> segments = new ArrayList<>();
            if (!serviceAdvice.isEmpty()) {
                segments.add(serviceAdvice.substring(0, 8));
            }
            for (String segment : split(interchange.substring(serviceAdvice.length()), terminator, release)) {
                if (!segment.isBlank()) {
                    segments.add(segment.stripLeading());
                }
            }
            List<String> copies = new ArrayList<>();
            boolean inMessage = false;
            for (int i = 0; i < segments.size(); i++) {
                String tag = tagOf(segments.get(i), elementSeparator);
                if (tag.equals("UNH") || tag.equals("ST")) {
                    inMessage = true;
                    continue;
                }
                if (tag.equals("UNT") || tag.equals("SE")) {
                    inMessage = false;
                }
                if (!inMessage) {
                    continue;
                }
                String segment = segments.get(i);
                copies.add(join(replace(segments, i, List.of()), terminator));
                copies.add(join(replace(segments, i, List.of(segment, segment)), terminator));
                copies.add(join(replace(segments, i, List.of(segments.get(i + 1), segment), 2), terminator));
                copies.add(join(replace(segments, i, List.of("ZZZ" + segment.substring(tag.length()))), terminator));
                copies.add(join(replace(segments, i, List.of(segment + elementSeparator + "X")), terminator));
                String[] elements = split(segment, elementSeparator, release).toArray(String[]::new);
                for (int e = 1; e < elements.length; e++) {
                    for (String value : VALUES) {
                        copies.add(join(replace(segments, i, List.of(withElement(elements, e, value, elementSeparator))), terminator));
                    }
                    String split = elements[e] + componentSeparator + "X";
                    copies.add(join(replace(segments, i, List.of(withElement(elements, e, split, elementSeparator))), terminator));
                }
            }
            return copies;
        }

        private static String withElement(String[] elements, int position, String value, char separator) {
            String[] changed = elements.clone();
            changed[position] = value;
            return String.join(String.valueOf(separator), changed);
        }

        private static List<String> replace(List<String> segments, int index, List<String> with) {
            return replace(segments, index, with, 1);
        }

        private static List<String> replace(List<String> segments, int index, List<String> with, int count) {
            List<String> changed = new ArrayList<>(segments.subList(0, index));
            changed.addAll(with);
            changed.addAll(segments.subList(Math.min(segments.size(), index + count), segments.size()));
            return changed;
        }

        /** Splits at every separator the release character does not release. */
        private static List<String> split(String text, char separator, char release) {
            List<String> parts = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == release && i + 1 < text.length()) {
                    part.append(c).append(text.charAt(++i));
                } else if (c == separator) {
                    parts.add(part.toString());
                    part.setLength(0);
                } else {
                    part.append(c);
                }
            }
            parts.add(part.toString());
            return parts;
        }

        private static String join(List<String> segments, char terminator) {
            StringBuilder out = new StringBuilder();
            for (String segment : segments) {
                out.append(segment).append(terminator).append('\n');
            }
            return out.toString();
        }

        private static String tagOf(String segment, char elementSeparator) {
            int end = segment.indexOf(elementSeparator);
            return end < 0 ? segment : segment.substring(0, end);
        }
    }
}
