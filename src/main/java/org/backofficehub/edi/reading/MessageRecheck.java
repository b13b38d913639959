package org.backofficehub.edi.reading;

import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.InterchangeListener;
import org.backofficehub.edi.Segment;
import org.backofficehub.edi.SyntaxError;

/**
 * Finds and locates the errors of a message its {@link MessageGuide} could not confirm, by letting
 * StAEDI validate it alone: the message is written back out as read, in an interchange with the
 * original's header, group header and delimiters, so StAEDI sees the same dialect, version and
 * values, and reports the same errors at the same message-relative positions it would have
 * reported reading the whole interchange with the guide.
 */
final class MessageRecheck {

    private final InterchangeReader exhaustive;

    MessageRecheck(TransactionSchemas schemas) {
        this.exhaustive = InterchangeReader.exhaustive(schemas);
    }

    /** A value repeated within one element of the message (StAEDI's occurrence 2 and later). */
    record Repetition(int segmentIndex, int elementPosition, int occurrence, int componentPosition, String text) {
    }

    /** What the reader knew about the interchange when the message ended. */
    record Context(EdiStandard standard, boolean serviceAdvice, Map<String, Character> delimiters, Segment interchangeHeader,
                   Segment groupHeader) {
    }

    List<SyntaxError> errorsOf(Context context, List<Segment> message, List<Repetition> repetitions) {
        String interchange = new Writer(context, repetitions).interchange(message);
        List<SyntaxError> errors = new ArrayList<>();
        try {
            exhaustive.read(new ByteArrayInputStream(interchange.getBytes(StandardCharsets.UTF_8)), new InterchangeListener() {
                @Override
                public void interchangeStarted(Envelope envelope) {
                }

                @Override
                public void message(EdiMessage read) {
                    errors.addAll(read.errors());
                }

                @Override
                public void interchangeEnded(Envelope envelope, List<SyntaxError> interchangeErrors) {
                }
            });
        } catch (InterchangeSyntaxException e) {
            throw new IllegalStateException("Could not re-read a message the hub had read: " + e.getMessage(), e);
        }
        return errors;
    }

    /** Writes segments with the interchange's own delimiters, releasing them inside values. */
    private static final class Writer {
        private final Context context;
        private final List<Repetition> repetitions;
        private final char segmentTerminator;
        private final char elementSeparator;
        private final char componentSeparator;
        private final char release;
        private final char repetitionSeparator;
        private final StringBuilder out = new StringBuilder();

        Writer(Context context, List<Repetition> repetitions) {
            this.context = context;
            this.repetitions = repetitions;
            Map<String, Character> delimiters = context.delimiters();
            segmentTerminator = delimiters.get(Delimiters.SEGMENT);
            elementSeparator = delimiters.get(Delimiters.DATA_ELEMENT);
            componentSeparator = delimiters.get(Delimiters.COMPONENT_ELEMENT);
            release = delimiters.getOrDefault(Delimiters.RELEASE, '\0');
            repetitionSeparator = delimiters.getOrDefault(Delimiters.REPETITION, '\0');
        }

        String interchange(List<Segment> message) {
            boolean edifact = context.standard() == EdiStandard.EDIFACT;
            if (edifact && context.serviceAdvice()) {
                out.append("UNA").append(componentSeparator).append(elementSeparator)
                        .append(context.delimiters().getOrDefault(Delimiters.DECIMAL, '.'))
                        .append(release == '\0' ? ' ' : release)
                        .append(repetitionSeparator == '\0' ? ' ' : repetitionSeparator)
                        .append(segmentTerminator);
            }
            Segment header = context.interchangeHeader();
            write(header, -1);
            Segment group = context.groupHeader();
            if (group != null) {
                write(group, -1);
            }
            for (int i = 0; i < message.size(); i++) {
                write(message.get(i), i);
            }
            if (group != null) {
                String groupControl = edifact ? group.element(5) : group.element(6);
                out.append(edifact ? "UNE" : "GE").append(elementSeparator).append('1').append(elementSeparator)
                        .append(escape(groupControl)).append(segmentTerminator);
            }
            String interchangeControl = edifact ? header.element(5) : header.element(13);
            out.append(edifact ? "UNZ" : "IEA").append(elementSeparator).append('1').append(elementSeparator)
                    .append(escape(interchangeControl)).append(segmentTerminator);
            return out.toString();
        }

        private void write(Segment segment, int segmentIndex) {
            out.append(segment.tag());
            List<List<String>> elements = segment.elements();
            for (int position = 1; position <= elements.size(); position++) {
                out.append(elementSeparator);
                writeComponents(elements.get(position - 1));
                writeRepetitions(segmentIndex, position);
            }
            out.append(segmentTerminator);
        }

        private void writeRepetitions(int segmentIndex, int position) {
            int occurrence = 1;
            List<String> components = new ArrayList<>();
            for (Repetition repetition : repetitions) {
                if (repetition.segmentIndex() != segmentIndex || repetition.elementPosition() != position) {
                    continue;
                }
                if (repetition.occurrence() != occurrence) {
                    flush(components, occurrence);
                    occurrence = repetition.occurrence();
                }
                int component = Math.max(1, repetition.componentPosition());
                while (components.size() < component) {
                    components.add("");
                }
                components.set(component - 1, repetition.text());
            }
            flush(components, occurrence);
        }

        private void flush(List<String> components, int occurrence) {
            if (occurrence > 1) {
                out.append(repetitionSeparator);
                writeComponents(components);
            }
            components.clear();
        }

        private void writeComponents(List<String> components) {
            for (int c = 0; c < components.size(); c++) {
                if (c > 0) {
                    out.append(componentSeparator);
                }
                out.append(escape(components.get(c)));
            }
        }

        private String escape(String value) {
            if (release == '\0') {
                return value;
            }
            StringBuilder escaped = null;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean delimiter = c == segmentTerminator || c == elementSeparator || c == componentSeparator || c == release
                        || (repetitionSeparator != '\0' && c == repetitionSeparator);
                if (delimiter && escaped == null) {
                    escaped = new StringBuilder(value.length() + 4).append(value, 0, i);
                }
                if (escaped != null) {
                    if (delimiter) {
                        escaped.append(release);
                    }
                    escaped.append(c);
                }
            }
            return escaped == null ? value : escaped.toString();
        }
    }
}
