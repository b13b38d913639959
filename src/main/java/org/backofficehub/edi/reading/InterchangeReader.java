package org.backofficehub.edi.reading;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.FunctionalGroup;
import org.backofficehub.edi.InterchangeListener;
import org.backofficehub.edi.Segment;
import org.backofficehub.edi.SyntaxError;

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
public final class InterchangeReader {

    /**
     * Partner identification code qualifiers (0007) of the UN/EDIFACT syntax code list that StAEDI's
     * control schemas do not have: 31B, US SAN (Standard Address Number), which the book trade's
     * EDItEUR/BISG partners (Baker &amp; Taylor, Brodart, Ingram) put in UNB.
     */
    static final java.util.Set<String> PUBLISHED_0007_CODES_STAEDI_LACKS = java.util.Set.of("31B");

    /** A UN/EDIFACT directory's release (0054): year and release letter, two a year since 1993 (93A ... 25A). */
    static final java.util.regex.Pattern PUBLISHED_DIRECTORY_RELEASE = java.util.regex.Pattern.compile("(9[3-9]|[0-8][0-9])[AB]");

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

    /** Text known to be UTF-8: X12, UNOW, the hub's own copies of a message. */
    public void read(InputStream input, InterchangeListener listener) throws InterchangeSyntaxException {
        read(input, StandardCharsets.UTF_8, listener);
    }

    /** Reads to the end, each event delivered to the listener on the caller's thread. */
    public void read(InputStream input, Charset charset, InterchangeListener listener) throws InterchangeSyntaxException {
        if (recheck == null) {
            read(input, charset, event -> event.deliverTo(listener));
        } else {
            ReadAhead.run(sink -> read(input, charset, sink), listener);
        }
    }

    /** The stream's events as they are read, reading ahead on a thread of its own; the caller closes them. */
    public InterchangeEvents events(InputStream input, Charset charset) {
        return ReadAhead.start(sink -> read(input, charset, sink));
    }

    /**
     * Reads on the caller's thread only, as far as the listener lets it: for a look at the start
     * of a stream, where reading ahead would read all of it (and move StAEDI's own mark).
     */
    void readInline(InputStream input, InterchangeListener listener) throws InterchangeSyntaxException {
        read(input, StandardCharsets.UTF_8, event -> event.deliverTo(listener));
    }

    private void read(InputStream input, Charset charset, Consumer<InterchangeEvent> sink) throws InterchangeSyntaxException {
        Session session = new Session(sink);
        EDIStreamReader reader;
        try {
            reader = factory.createEDIStreamReader(input, charset.name());
        } catch (EDIStreamException e) {
            throw new IllegalStateException("StAEDI cannot decode " + charset, e);
        }
        try {
            while (reader.hasNext()) {
                session.on(reader.next(), reader);
            }
            session.finish();
        } catch (EDIStreamException | IllegalStateException e) {
            String message = cleanMessage(e);
            boolean truncated = message.contains("end of stream") || message.contains("EDIE005");
            throw new InterchangeSyntaxException(message, session.envelope, session.segmentTag(), truncated, e);
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

    /**
     * A message as read, its segments still on the tape, to be checked against its guide (if it has
     * one) before the listener gets it. Both run on the listener's thread, so that with
     * {@link ReadAhead} they overlap the reading of the next messages.
     */
    private final class TapedMessage implements InterchangeEvent {
        /** The message as the header and trailer describe it; segments still on the tape. */
        private final EdiMessage unread;
        private final MessageTape tape;
        private final MessageGuide guide;
        private final char decimalMark;
        private final MessageRecheck.Context context;

        TapedMessage(EdiMessage unread, MessageTape tape, MessageGuide guide, char decimalMark, MessageRecheck.Context context) {
            this.unread = unread;
            this.tape = tape;
            this.guide = guide;
            this.decimalMark = decimalMark;
            this.context = context;
        }

        @Override
        public void deliverTo(InterchangeListener listener) {
            MessageTape.Replayed replayed = tape.replay();
            List<Segment> segments = replayed.segments();
            List<SyntaxError> errors = unread.errors();
            boolean unsure = guide != null && (!replayed.repetitions().isEmpty() || !guide.accepts(segments, decimalMark));
            if (unsure) {
                errors = recheck.errorsOf(context, segments, replayed.repetitions());
            }
            listener.message(unread.withBody(segments, errors));
        }
    }

    /** The state of one read: where in the envelope structure the reader is. */
    private final class Session {
        private final Consumer<InterchangeEvent> sink;
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
        private final SegmentBuilder segment = new SegmentBuilder();
        private boolean building;
        private boolean inComposite;

        private boolean inMessage;
        private MessageTape tape = new MessageTape(0, 0);
        private List<SyntaxError> messageErrors;
        private int messageStartPosition;
        private String messageType;
        private String messageControl;
        private String messageVersion;
        private String messageAssociation;
        private MessageGuide messageGuide;

        Session(Consumer<InterchangeEvent> sink) {
            this.sink = sink;
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
                    if (inMessage) {
                        tape.segment(reader);
                        if (!tape.lastSegmentIs("UNH") && !tape.lastSegmentIs("ST")) {
                            // A body segment: its tag stays on the tape until the caller's thread needs it.
                            segmentTag = null;
                            building = false;
                            return;
                        }
                    }
                    segmentTag = reader.getText();
                    if ("UNA".equals(segmentTag)) {
                        serviceAdvice = true;
                    }
                    boolean header = isMessageHeader(segmentTag);
                    if (header) {
                        inMessage = true;
                        tape = new MessageTape(tape.chars(), tape.entries());
                        messageErrors = new ArrayList<>();
                        messageStartPosition = reader.getLocation().getSegmentPosition();
                        tape.segment(reader);
                    }
                    // Envelope segments and the message header are read here; the message body on the tape.
                    building = true;
                    segment.start(segmentTag);
                }
                case START_COMPOSITE -> {
                    inComposite = true;
                    int position = reader.getLocation().getElementPosition();
                    if (inMessage) {
                        tape.composite(position);
                    }
                    if (building) {
                        segment.composite(position);
                    }
                }
                case END_COMPOSITE -> inComposite = false;
                case ELEMENT_DATA -> addData(reader);
                case END_SEGMENT -> endSegment(reader);
                case END_TRANSACTION -> endMessage();
                case END_GROUP -> {
                    FunctionalGroup ended = group;
                    int declared = groupDeclaredCount;
                    List<SyntaxError> errors = List.copyOf(groupErrors);
                    sink.accept(listener -> listener.groupEnded(ended, declared, errors));
                    group = null;
                    groupHeader = null;
                    groupErrors.clear();
                }
                case END_INTERCHANGE -> {
                    Envelope ended = envelope;
                    List<SyntaxError> errors = List.copyOf(interchangeErrors);
                    sink.accept(listener -> listener.interchangeEnded(ended, errors));
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
            int occurrence = location.getElementOccurrence();
            if (inMessage) {
                tape.value(reader, location.getElementPosition(), location.getComponentPosition(), occurrence, inComposite);
            }
            if (building && occurrence <= 1) {
                segment.value(location.getElementPosition(), location.getComponentPosition(), inComposite, reader.getText());
            }
        }

        private void endSegment(EDIStreamReader reader) {
            if (!building) {
                return;
            }
            Segment segment = this.segment.build();
            switch (segmentTag) {
                case "UNB", "ISA" -> {
                    envelope = standard == EdiStandard.X12 ? x12Envelope(segment) : edifactEnvelope(segment);
                    interchangeHeader = segment;
                    delimiters = reader.getDelimiters();
                    Envelope started = envelope;
                    sink.accept(listener -> listener.interchangeStarted(started));
                }
                case "GS", "UNG" -> {
                    group = new FunctionalGroup(segment.element(1), segment.element(2), segment.element(3),
                            segment.element(standard == EdiStandard.X12 ? 6 : 5), segment.element(8));
                    groupHeader = segment;
                    FunctionalGroup started = group;
                    sink.accept(listener -> listener.groupStarted(started));
                }
                case "GE", "UNE" -> groupDeclaredCount = parseCount(segment.element(1));
                case "UNH", "ST" -> startMessage(segment, reader);
                default -> {
                    // Service segments the hub does not read (UNA, trailers: StAEDI checks their counts).
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
                messageGuide = schemas.guide(standard, messageType, messageVersion);
                return;
            }
            // Also when there is none: StAEDI would otherwise validate this message with the previous one's guide.
            reader.setTransactionSchema(schemas.find(standard, messageType, messageVersion));
        }

        private void endMessage() {
            if (!inMessage) {
                return;
            }
            MessageRecheck.Context context = new MessageRecheck.Context(standard, serviceAdvice, delimiters, interchangeHeader,
                    groupHeader);
            sink.accept(new TapedMessage(new EdiMessage(messageType, messageControl, messageVersion, messageAssociation, List.of(),
                    messageErrors), tape, messageGuide, decimalMark(), context));
            messageGuide = null;
            inMessage = false;
            messageErrors = null;
        }

        private void recordError(EDIStreamReader reader) {
            Location location = reader.getLocation();
            EDIStreamValidationError type = reader.getErrorType();
            if (publishedCodeStaediLacks(type, location, reader)) {
                return;
            }
            String tag = location.getSegmentTag() != null ? location.getSegmentTag() : segmentTag();
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

        /**
         * StAEDI's control schemas list fewer codes than the published syntax code lists: partner
         * identification code qualifiers (UNB S002/S003 0007) and, in syntax version 4, message
         * type release numbers (UNH S009 and UNG S008 0054) after 02A, though D03B and every later
         * directory are published. A code of the published list is no error; whether the hub
         * reads that directory is for {@link TransactionSchemas#supports} to say.
         */
        private boolean publishedCodeStaediLacks(EDIStreamValidationError type, Location location, EDIStreamReader reader) {
            if (type != EDIStreamValidationError.INVALID_CODE_VALUE) {
                return false;
            }
            String tag = location.getSegmentTag();
            int element = location.getElementPosition();
            int component = location.getComponentPosition();
            if ("UNB".equals(tag)) {
                return !inMessage && (element == 2 || element == 3) && component == 2
                        && PUBLISHED_0007_CODES_STAEDI_LACKS.contains(reader.getText());
            }
            boolean release = "UNH".equals(tag) && element == 2 && component == 3 || "UNG".equals(tag) && element == 7 && component == 2;
            return release && PUBLISHED_DIRECTORY_RELEASE.matcher(reader.getText()).matches();
        }

        /** The tag of the segment being read, from the tape if it is a message body's. */
        String segmentTag() {
            return segmentTag != null || !inMessage ? segmentTag : tape.lastSegmentTag();
        }

        private char decimalMark() {
            Character mark = delimiters.get(Delimiters.DECIMAL);
            return mark == null ? '\0' : mark;
        }

        void finish() throws InterchangeSyntaxException {
            if (interchangeOpen) {
                throw new InterchangeSyntaxException("The file ends inside interchange "
                        + (envelope == null ? "" : envelope.controlNumber()) + " (no UNZ/IEA trailer)", envelope, segmentTag(), true, null);
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
