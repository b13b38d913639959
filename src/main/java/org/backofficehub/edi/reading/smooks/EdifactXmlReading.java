package org.backofficehub.edi.reading.smooks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import io.xlate.edi.stream.EDIStreamValidationError;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.Segment;
import org.backofficehub.edi.SyntaxError;
import org.backofficehub.edi.reading.InterchangeEvents;
import org.backofficehub.edi.reading.SmooksEdifact;

/**
 * One interchange of Smooks' EDIFACT XML, element by element as Smooks parses it (start, text,
 * end), turned into the events StAEDI would have produced: each segment becomes a {@link Segment}
 * when it ends and its elements are dropped, each message is handed over when it ends, so no more
 * than a message is held. Smooks reports no error positions: a message it cannot read
 * ({@code BadMessage}) is refused whole. Counts in UNT and UNZ are checked here, as StAEDI does
 * for the default engine.
 *
 * <p>The XML: {@code Interchange} holds UNA, UNB, a {@code Message} per message and UNZ; a
 * message holds UNH, its body (segments, in segment groups {@code SegGrp-n}) and UNT; a segment
 * holds its composites (C507, S001) and simple elements (E1004) by directory id.
 */
final class EdifactXmlReading {

    private final String directory;
    private final InterchangeEvents.Recorder events = InterchangeEvents.recorder();
    private final Deque<XmlPart> open = new ArrayDeque<>();
    /** The segment being read, whose elements are kept until it ends. */
    private XmlPart segment;
    /** Inside Smooks' BadMessage, whose content is the raw segments it could not read. */
    private int badMessage;
    private Envelope envelope;
    private int messages;
    private MessageParts message;

    /**
     * @param directory D96A or D01B, whose schema Smooks is to read with
     * @param namespace the namespace of the interchange's element, which names the schema Smooks read it with
     */
    EdifactXmlReading(String directory, String namespace) {
        this.directory = directory.toUpperCase(Locale.ROOT);
        String read = namespace == null ? "" : namespace;
        if (!read.toUpperCase(Locale.ROOT).endsWith("/" + this.directory)) {
            throw new SmooksEdifact.WrongSchema("Smooks read an " + this.directory + " interchange with the schema of " + read
                    + ": a stale compiled schema in .smooks/dfdl-cartridge/; delete that folder");
        }
    }

    void start(String name) {
        XmlPart part = new XmlPart(name);
        if (segment == null && badMessage == 0 && SmooksSegments.isSegment(name)) {
            segment = part;
        } else if ("BadMessage".equals(name)) {
            badMessage++;
        } else if ("Message".equals(name) && open.size() == 1) {
            message = new MessageParts();
        }
        open.push(part);
    }

    void text(String text) {
        if (segment != null && !open.isEmpty()) {
            open.peek().append(text);
        }
    }

    /** @return whether the interchange ended with it */
    boolean end() {
        XmlPart part = open.pop();
        if (part == segment) {
            segment = null;
            segmentRead(SmooksSegments.toSegment(part), part);
        } else if (segment != null) {
            open.peek().add(part);
        } else if ("BadMessage".equals(part.name())) {
            badMessage--;
            if (message != null && badMessage == 0) {
                message.unreadable = "Smooks could not read the message against the " + directory + " directory (BadMessage)";
            }
        } else if (badMessage == 0 && "Message".equals(part.name()) && open.size() == 1) {
            messages++;
            events.message(message.toMessage());
            message = null;
        }
        // The interchange, the message's body and its segment groups: their segments were handed on.
        return open.isEmpty();
    }

    /** What Smooks read, as events; complete once the interchange ended. */
    InterchangeEvents events() {
        return events.events(null);
    }

    private void segmentRead(Segment read, XmlPart part) {
        if (message != null) {
            switch (read.tag()) {
                case "UNH" -> message.unh = read;
                case "UNT" -> message.unt = read;
                default -> message.segments.add(read);
            }
            return;
        }
        switch (read.tag()) {
            case "UNB" -> {
                envelope = new Envelope(EdiStandard.EDIFACT, read.component(2, 1), read.component(2, 2), read.component(3, 1),
                        read.component(3, 2), part.childText("E0020"), read.component(1, 1), read.component(1, 2),
                        "1".equals(part.childText("E0035")), read.component(4, 1), read.component(4, 2));
                events.interchangeStarted(envelope);
            }
            case "UNZ" -> {
                List<SyntaxError> errors = new ArrayList<>();
                if (!read.element(1).equals(Integer.toString(messages))) {
                    errors.add(new SyntaxError(EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT, "UNZ", 0, 1, 0,
                            "0036", read.element(1)));
                }
                events.interchangeEnded(envelope, errors);
            }
            default -> {
                // UNA: Smooks has applied it.
            }
        }
    }

    /** A message while it is read. */
    private static final class MessageParts {
        Segment unh;
        Segment unt;
        final List<Segment> segments = new ArrayList<>();
        String unreadable;

        EdiMessage toMessage() {
            List<Segment> all = new ArrayList<>(segments.size() + 2);
            all.add(unh);
            all.addAll(segments);
            all.add(unt);
            List<SyntaxError> errors = new ArrayList<>();
            if (unreadable == null && unt != null && !unt.element(1).equals(Integer.toString(all.size()))) {
                errors.add(new SyntaxError(EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT, "UNT", all.size(), 1, 0,
                        "0074", unt.element(1)));
            }
            String version = unh.component(2, 2) + unh.component(2, 3);
            return new EdiMessage(unh.component(2, 1), unh.element(1), version, unh.component(2, 5), all, errors, unreadable);
        }
    }
}
