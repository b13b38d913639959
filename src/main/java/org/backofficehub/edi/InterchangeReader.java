package org.backofficehub.edi;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads EDIFACT and X12 streams with StAEDI: delimiters come from UNA/ISA, envelopes and counts
 * are checked by StAEDI's control schemas, and each message is checked against the hub's
 * implementation guide ({@link TransactionSchemas}). Streaming: one message in memory at a time.
 *
 * <p>By default a message is first matched against its compiled {@link MessageGuide}; only a
 * message the guide cannot confirm is validated by StAEDI ({@link MessageRecheck}), which is
 * where its errors and their positions come from. {@link #exhaustive} has StAEDI validate every
 * message as it is read.
 */
public final class InterchangeReader implements InterchangeSource {

    /** Enough to tell a partner what is wrong; a message with more errors is beyond repair anyway. */
    static final int MAX_ERRORS_PER_STRUCTURE = 100;

    private final EDIInputFactory factory;
    private final TransactionSchemas schemas;
    private final MessageRecheck recheck;

    public InterchangeReader(TransactionSchemas schemas) {
        this(schemas, true);
    }

    /** A reader that has StAEDI validate every message while reading: slower, same verdicts. */
    public static InterchangeReader exhaustive(TransactionSchemas schemas) {
        return new InterchangeReader(schemas, false);
    }

    private InterchangeReader(TransactionSchemas schemas, boolean guided) {
        this.schemas = schemas;
        this.recheck = guided ? new MessageRecheck(schemas) : null;
        this.factory = EDIInputFactory.newFactory();
        // Line breaks after segment terminators are common and harmless.
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
    }

    @Override
    public void read(InputStream input, InterchangeListener listener) throws InterchangeSyntaxException {
        Session session = new Session(listener);
        EDIStreamReader reader = factory.createEDIStreamReader(input);
        try {
            while (reader.hasNext()) {
                session.on(reader.next(), reader);
            }
            session.finish();
        } catch (EDIStreamException | IllegalStateException e) {
            String message = cleanMessage(e);
            boolean truncated = message.contains("end of stream") || message.contains("EDIE005");
            throw new InterchangeSyntaxException(message, session.envelope, session.segmentTag, truncated, e);
        } finally {
            try {
                reader.close();
            } catch (IOException ignored) {
                // The input belongs to the caller, which closes it.
            }
        }
    }

    private static String cleanMessage(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    /** The state of one read: where in the envelope structure the reader is. */
    private final class Session {
        private final InterchangeListener listener;
        private EdiStandard standard;
        private Envelope envelope;
        private FunctionalGroup group;
        private final List<SyntaxError> interchangeErrors = new ArrayList<>();
        private final List<SyntaxError> groupErrors = new ArrayList<>();
        private int groupDeclaredCount;
        private boolean interchangeOpen;
        private boolean serviceAdvice;
        private Map<String, Character> delimiters;
        private Segment interchangeHeader;
        private Segment groupHeader;

        private String segmentTag;
        private List<List<String>> elements = new ArrayList<>();
        private int elementPosition;
        private boolean inComposite;

        private boolean inMessage;
        private List<Segment> messageSegments;
        private List<SyntaxError> messageErrors;
        private int messageStartPosition;
        private String messageType;
        private String messageControl;
        private String messageVersion;
        private String messageAssociation;
        private MessageGuide messageGuide;
        private List<MessageRecheck.Repetition> messageRepetitions;

        Session(InterchangeListener listener) {
            this.listener = listener;
        }

        void on(EDIStreamEvent event, EDIStreamReader reader) {
            switch (event) {
                case START_INTERCHANGE -> {
                    standard = EdiStandard.valueOf(reader.getStandard());
                    interchangeErrors.clear();
                    interchangeOpen = true;
                    serviceAdvice = false;
                }
                case START_SEGMENT -> {
                    segmentTag = reader.getText();
                    if ("UNA".equals(segmentTag)) {
                        serviceAdvice = true;
                    }
                    elements = new ArrayList<>();
                    elementPosition = 0;
                    if (isMessageHeader(segmentTag)) {
                        inMessage = true;
                        messageSegments = new ArrayList<>();
                        messageErrors = new ArrayList<>();
                        messageRepetitions = List.of();
                        messageStartPosition = reader.getLocation().getSegmentPosition();
                    }
                }
                case START_COMPOSITE -> {
                    inComposite = true;
                    elementPosition = reader.getLocation().getElementPosition();
                    elementAt(elementPosition);
                }
                case END_COMPOSITE -> inComposite = false;
                case ELEMENT_DATA -> addData(reader);
                case END_SEGMENT -> endSegment(reader);
                case END_TRANSACTION -> endMessage();
                case END_GROUP -> {
                    listener.groupEnded(group, groupDeclaredCount, List.copyOf(groupErrors));
                    group = null;
                    groupHeader = null;
                    groupErrors.clear();
                }
                case END_INTERCHANGE -> {
                    listener.interchangeEnded(envelope, List.copyOf(interchangeErrors));
                    interchangeOpen = false;
                    envelope = null;
                }
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> recordError(reader);
                default -> {
                    // Loops and transaction starts need no action: segments carry what the hub reads.
                }
            }
        }

        private void addData(EDIStreamReader reader) {
            Location location = reader.getLocation();
            if (location.getElementOccurrence() > 1) {
                // Not used by any document the hub reads, but a guide must see them to refuse them.
                if (inMessage && recheck != null) {
                    if (messageRepetitions.isEmpty()) {
                        messageRepetitions = new ArrayList<>();
                    }
                    messageRepetitions.add(new MessageRecheck.Repetition(messageSegments.size(), location.getElementPosition(),
                            location.getElementOccurrence(), location.getComponentPosition(), reader.getText()));
                }
                return;
            }
            List<String> components = elementAt(location.getElementPosition());
            if (inComposite) {
                int component = Math.max(1, location.getComponentPosition());
                while (components.size() < component) {
                    components.add("");
                }
                components.set(component - 1, reader.getText());
            } else {
                components.clear();
                components.add(reader.getText());
            }
        }

        private List<String> elementAt(int position) {
            while (elements.size() < position) {
                elements.add(new ArrayList<>(1));
            }
            return elements.get(position - 1);
        }

        private void endSegment(EDIStreamReader reader) {
            Segment segment = new Segment(segmentTag, elements);
            switch (segmentTag) {
                case "UNB", "ISA" -> {
                    envelope = standard == EdiStandard.X12 ? x12Envelope(segment) : edifactEnvelope(segment);
                    interchangeHeader = segment;
                    delimiters = reader.getDelimiters();
                    listener.interchangeStarted(envelope);
                }
                case "GS", "UNG" -> {
                    group = new FunctionalGroup(segment.element(1), segment.element(2), segment.element(3),
                            segment.element(standard == EdiStandard.X12 ? 6 : 5), segment.element(8));
                    groupHeader = segment;
                    listener.groupStarted(group);
                }
                case "GE", "UNE" -> groupDeclaredCount = parseCount(segment.element(1));
                case "UNH", "ST" -> {
                    messageSegments.add(segment);
                    startMessage(segment, reader);
                }
                default -> {
                    if (inMessage) {
                        messageSegments.add(segment);
                    }
                }
            }
        }

        private void startMessage(Segment header, EDIStreamReader reader) {
            if (standard == EdiStandard.EDIFACT) {
                messageControl = header.element(1);
                messageType = header.component(2, 1);
                messageVersion = header.component(2, 2) + header.component(2, 3);
                messageAssociation = header.component(2, 5);
            } else {
                messageControl = header.element(2);
                messageType = header.element(1);
                String version = header.has(3) ? header.element(3) : group == null ? "" : group.version();
                messageVersion = version.length() > 6 ? version.substring(0, 6) : version;
                messageAssociation = header.element(3);
            }
            if (recheck != null) {
                messageGuide = schemas.guide(standard, messageType);
                return;
            }
            Schema schema = schemas.find(standard, messageType);
            if (schema != null) {
                reader.setTransactionSchema(schema);
            }
        }

        private void endMessage() {
            if (!inMessage) {
                return;
            }
            if (messageGuide != null && (!messageRepetitions.isEmpty() || !messageGuide.accepts(messageSegments, decimalMark()))) {
                MessageRecheck.Context context = new MessageRecheck.Context(standard, serviceAdvice, delimiters, interchangeHeader,
                        groupHeader);
                messageErrors = recheck.errorsOf(context, messageSegments, messageRepetitions);
            }
            messageGuide = null;
            listener.message(new EdiMessage(messageType, messageControl, messageVersion, messageAssociation,
                    messageSegments, messageErrors));
            inMessage = false;
            messageSegments = null;
            messageErrors = null;
        }

        private void recordError(EDIStreamReader reader) {
            Location location = reader.getLocation();
            EDIStreamValidationError type = reader.getErrorType();
            String tag = location.getSegmentTag() != null ? location.getSegmentTag() : segmentTag;
            if ((type.getCategory() == EDIStreamEvent.SEGMENT_ERROR)) {
                // For a segment error the reader's text names the segment at fault (e.g. the missing one).
                String text = reader.getText();
                if (text != null && !text.isEmpty()) {
                    tag = text;
                }
            }
            List<SyntaxError> target = inMessage ? messageErrors : group != null ? groupErrors : interchangeErrors;
            if (target.size() >= MAX_ERRORS_PER_STRUCTURE) {
                return;
            }
            int position = inMessage ? location.getSegmentPosition() - messageStartPosition + 1 : location.getSegmentPosition();
            boolean elementLevel = !(type.getCategory() == EDIStreamEvent.SEGMENT_ERROR);
            String badData = type.getCategory() == EDIStreamEvent.ELEMENT_DATA_ERROR ? reader.getText() : null;
            String reference = null;
            if (elementLevel) {
                try {
                    reference = reader.getReferenceCode();
                } catch (IllegalStateException unknown) {
                    reference = null;
                }
            }
            target.add(new SyntaxError(type, tag, Math.max(position, 0),
                    elementLevel ? Math.max(location.getElementPosition(), 1) : 0,
                    elementLevel ? Math.max(location.getComponentPosition(), 0) : 0,
                    reference, badData));
        }

        private char decimalMark() {
            Character mark = delimiters.get(Delimiters.DECIMAL);
            return mark == null ? '\0' : mark;
        }

        void finish() throws InterchangeSyntaxException {
            if (interchangeOpen) {
                throw new InterchangeSyntaxException("The file ends inside interchange "
                        + (envelope == null ? "" : envelope.controlNumber()) + " (no UNZ/IEA trailer)", envelope, segmentTag, true, null);
            }
        }

        private boolean isMessageHeader(String tag) {
            return "UNH".equals(tag) || "ST".equals(tag);
        }

        private Envelope edifactEnvelope(Segment unb) {
            return new Envelope(EdiStandard.EDIFACT, unb.component(2, 1), unb.component(2, 2), unb.component(3, 1),
                    unb.component(3, 2), unb.element(5), unb.component(1, 1), unb.component(1, 2), "1".equals(unb.element(11)),
                    unb.component(4, 1), unb.component(4, 2));
        }

        private Envelope x12Envelope(Segment isa) {
            return new Envelope(EdiStandard.X12, isa.element(6).trim(), isa.element(5).trim(), isa.element(8).trim(),
                    isa.element(7).trim(), isa.element(13), "X12", isa.element(12), "T".equals(isa.element(15)), isa.element(9),
                    isa.element(10));
        }

        private int parseCount(String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
