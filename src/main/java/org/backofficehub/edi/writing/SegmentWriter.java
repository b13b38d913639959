package org.backofficehub.edi.writing;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.EDIValidationException;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.backofficehub.edi.Composite;
import org.backofficehub.edi.EdiStandard;

/**
 * Writes segments through StAEDI's writer, which escapes data with the release character, writes
 * the UNA service string and checks the envelope against its control schema. Counts the segments of the current message for UNT/SE.
 * Whatever StAEDI refuses (its EDIValidationException is unchecked) is an {@link EdiWriteException}.
 * An element is a String (empty or null for an absent one) or a {@link Composite}.
 */
public final class SegmentWriter implements AutoCloseable {

    private final EDIStreamWriter writer;
    private final boolean latin1;
    /** X12 has no release character: these cannot appear in data (the 00501 envelope adds ^, its repetition separator). */
    private final String x12Delimiters;
    private final EdiStandard standard;
    private int messageSegments;
    /** Writing ISA, whose last elements are the delimiters themselves. */
    private boolean delimiterSegment;

    private static final Map<String, Schema> CONTROL_SCHEMAS = new ConcurrentHashMap<>();
    /** StAEDI logs through java.util.logging: a warning per unvalidated document, notes per schema load. Kept quiet. */
    private static final java.util.logging.Logger STAEDI_LOG = quiet("io.xlate.edi");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /**
     * @param syntaxVersion "3" (UNOC:3) for EDIFACT, "00401" or "00501" for X12: the envelope
     *                      written is checked against StAEDI's control schema for it
     * @param charset       as {@link PartnerProfile#writing()} says (ISO 8859-1 for EDIFACT, whose envelope says UNOC)
     */
    public SegmentWriter(OutputStream out, EdiStandard standard, String syntaxVersion, Charset charset) {
        this.standard = standard;
        this.latin1 = StandardCharsets.ISO_8859_1.equals(charset);
        this.x12Delimiters = standard != EdiStandard.X12 ? "" : syntaxVersion.compareTo("00501") >= 0 ? "~*>^" : "~*>";
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        // One segment per line: partners' operators read these files too.
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        if (standard == EdiStandard.EDIFACT) {
            factory.setProperty(Delimiters.SEGMENT, '\'');
            factory.setProperty(Delimiters.DATA_ELEMENT, '+');
            factory.setProperty(Delimiters.COMPONENT_ELEMENT, ':');
            factory.setProperty(Delimiters.RELEASE, '?');
            factory.setProperty(Delimiters.DECIMAL, '.');
        } else {
            factory.setProperty(Delimiters.SEGMENT, '~');
            factory.setProperty(Delimiters.DATA_ELEMENT, '*');
            factory.setProperty(Delimiters.COMPONENT_ELEMENT, '>');
        }
        try {
            this.writer = factory.createEDIStreamWriter(out, charset.name());
            writer.setControlSchema(controlSchema(standard, syntaxVersion));
            writer.startInterchange();
        } catch (EDIStreamException | EDIValidationException e) {
            throw new EdiWriteException("Cannot start an EDI document", e);
        }
    }

    private static Schema controlSchema(EdiStandard standard, String syntaxVersion) {
        String[] version = standard == EdiStandard.EDIFACT ? new String[] {"UNOC", syntaxVersion} : new String[] {syntaxVersion};
        return CONTROL_SCHEMAS.computeIfAbsent(standard + "/" + syntaxVersion, key -> {
            try {
                return SchemaFactory.newFactory().getControlSchema(standard.name(), version);
            } catch (EDISchemaException e) {
                throw new IllegalStateException("No StAEDI control schema for " + key, e);
            }
        });
    }

    public EdiStandard standard() {
        return standard;
    }

    public SegmentWriter segment(String tag, Object... elements) {
        try {
            if ("UNH".equals(tag) || "ST".equals(tag)) {
                messageSegments = 0;
            }
            messageSegments++;
            delimiterSegment = "ISA".equals(tag);
            writer.writeStartSegment(tag);
            int last = elements.length;
            while (last > 0 && isEmpty(elements[last - 1])) {
                last--; // trailing empty elements are omitted, as the standards ask
            }
            for (int i = 0; i < last; i++) {
                writeElement(elements[i]);
            }
            writer.writeEndSegment();
            return this;
        } catch (EDIStreamException | EDIValidationException e) {
            throw new EdiWriteException("Cannot write segment " + tag + ": " + e.getMessage(), e);
        }
    }

    /** Segments written since the current message's UNH/ST, including it and the trailer about to be written. */
    public int messageSegmentsWithTrailer() {
        return messageSegments + 1;
    }

    private void writeElement(Object element) throws EDIStreamException {
        if (element instanceof Composite composite) {
            String[] components = composite.components();
            int last = components.length;
            while (last > 0 && (components[last - 1] == null || components[last - 1].isEmpty())) {
                last--;
            }
            if (last == 0) {
                writer.writeEmptyElement();
                return;
            }
            writer.writeStartElement();
            for (int i = 0; i < last; i++) {
                if (components[i] == null || components[i].isEmpty()) {
                    writer.writeEmptyComponent();
                } else {
                    writer.writeComponent(text(components[i]));
                }
            }
            writer.endElement();
        } else if (isEmpty(element)) {
            writer.writeEmptyElement();
        } else {
            writer.writeElement(text(element.toString()));
        }
    }

    /**
     * Data as written: folded to Latin-1 when the document is; in X12, a delimiter character in the
     * data (text from a partner who uses other delimiters) becomes a space, as X12 cannot escape it.
     */
    private String text(String value) {
        String text = latin1 ? Latin1Text.fold(value) : value;
        if (!x12Delimiters.isEmpty() && !delimiterSegment) {
            for (int i = 0; i < x12Delimiters.length(); i++) {
                text = text.indexOf(x12Delimiters.charAt(i)) < 0 ? text : text.replace(x12Delimiters.charAt(i), ' ');
            }
        }
        return text;
    }

    private static boolean isEmpty(Object element) {
        if (element == null) {
            return true;
        }
        if (element instanceof Composite composite) {
            return composite.isEmpty();
        }
        return element.toString().isEmpty();
    }

    @Override
    public void close() {
        try {
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException | EDIValidationException e) {
            throw new EdiWriteException("Cannot finish an EDI document", e);
        }
    }
}
