package org.backofficehub.edi.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.xlate.edi.stream.EDIStreamValidationError;
import org.smooks.Smooks;
import org.smooks.api.SmooksException;
import org.smooks.io.sink.DOMSink;
import org.smooks.io.source.StreamSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.InterchangeListener;
import org.backofficehub.edi.Segment;
import org.backofficehub.edi.SyntaxError;

/**
 * The second EDI engine: Smooks' EDIFACT cartridge (DFDL schemas of one directory), for partners
 * whose profile says {@code engine = smooks}. It reads a whole interchange into a DOM, so it is
 * for partners with existing Smooks mappings and modest files, not for gigabyte interchanges.
 * Smooks reports no error positions: a message it cannot read ({@code BadMessage}) is refused
 * whole. Counts in UNT and UNZ are checked here, as StAEDI does for the default engine.
 *
 * <p>The DFDL schemas take 20-30 s to compile; Smooks caches them on disk under
 * {@code .smooks/dfdl-cartridge/} in the working directory, one file per directory (see
 * {@link #MESSAGE_TYPES}), and a file read with another directory's schema is refused.
 */
public final class SmooksEdifactSource implements InterchangeSource {

    private final String directory;
    private volatile Smooks smooks;

    /** @param directory D96A or D01B */
    public SmooksEdifactSource(String directory) {
        this.directory = directory.toLowerCase(Locale.ROOT);
    }

    @Override
    public void read(InputStream input, Charset charset, InterchangeListener listener) throws InterchangeSyntaxException {
        byte[] file;
        try {
            file = input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!StandardCharsets.UTF_8.equals(charset)) {
            // Smooks' EDIFACT schemas decode UTF-8 and turn other bytes into U+FFFD without a word.
            // EDIFACT's delimiters are ASCII and it counts no bytes, so the text can change encoding.
            file = new String(file, charset).getBytes(StandardCharsets.UTF_8);
        }
        // Smooks' EDIFACT schema reads one interchange per document.
        for (byte[] interchange : EdifactInterchanges.split(file)) {
            DOMSink sink = new DOMSink();
            try {
                engine().filterSource(engine().createExecutionContext(), new StreamSource<>(new ByteArrayInputStream(interchange)), sink);
            } catch (SmooksException e) {
                throw new InterchangeSyntaxException("Smooks cannot read the interchange: " + rootCause(e), null, null, false, e);
            }
            Document document = sink.getNode() instanceof Document d ? d : sink.getNode().getOwnerDocument();
            Element root = document.getDocumentElement();
            String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
            if (!namespace.toLowerCase(Locale.ROOT).endsWith("/" + directory)) {
                throw new IllegalStateException("Smooks read an " + directory.toUpperCase(Locale.ROOT) + " interchange with the schema of "
                        + namespace + ": a stale compiled schema in .smooks/dfdl-cartridge/; delete that folder");
            }
            emit(root, listener);
        }
    }

    private void emit(Element interchange, InterchangeListener listener) {
        Envelope envelope = null;
        int messages = 0;
        for (Element part : SmooksSegments.children(interchange)) {
            switch (SmooksSegments.name(part)) {
                case "UNB" -> {
                    envelope = envelope(SmooksSegments.toSegment(part), part);
                    listener.interchangeStarted(envelope);
                }
                case "Message" -> {
                    messages++;
                    listener.message(message(part));
                }
                case "UNZ" -> {
                    Segment unz = SmooksSegments.toSegment(part);
                    List<SyntaxError> errors = new ArrayList<>();
                    if (!unz.element(1).equals(Integer.toString(messages))) {
                        errors.add(new SyntaxError(EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT, "UNZ", 0, 1, 0,
                                "0036", unz.element(1)));
                    }
                    listener.interchangeEnded(envelope, errors);
                }
                default -> {
                    // UNA: Smooks has applied it.
                }
            }
        }
    }

    private EdiMessage message(Element message) {
        Segment unh = null;
        Segment unt = null;
        List<Segment> segments = new ArrayList<>();
        String unreadable = null;
        for (Element part : SmooksSegments.children(message)) {
            String name = SmooksSegments.name(part);
            switch (name) {
                case "UNH" -> unh = SmooksSegments.toSegment(part);
                case "UNT" -> unt = SmooksSegments.toSegment(part);
                case "BadMessage" -> unreadable = "Smooks could not read the message against the " + directory.toUpperCase(Locale.ROOT)
                        + " directory (BadMessage)";
                default -> collect(part, segments);
            }
        }
        List<Segment> all = new ArrayList<>();
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

    /** Segments in document order, through the segment groups (SegGrp-n) that hold them. */
    private static void collect(Element container, List<Segment> segments) {
        for (Element child : SmooksSegments.children(container)) {
            if (SmooksSegments.isSegment(child)) {
                segments.add(SmooksSegments.toSegment(child));
            } else {
                collect(child, segments);
            }
        }
    }

    private static Envelope envelope(Segment unb, Element element) {
        return new Envelope(EdiStandard.EDIFACT, unb.component(2, 1), unb.component(2, 2), unb.component(3, 1), unb.component(3, 2),
                text(element, "E0020"), unb.component(1, 1), unb.component(1, 2), "1".equals(text(element, "E0035")),
                unb.component(4, 1), unb.component(4, 2));
    }

    private static String text(Element parent, String name) {
        for (Element child : SmooksSegments.children(parent)) {
            if (SmooksSegments.name(child).equals(name)) {
                return child.getTextContent();
            }
        }
        return "";
    }

    private Smooks engine() {
        Smooks engine = smooks;
        if (engine == null) {
            synchronized (this) {
                if (smooks == null) {
                    smooks = create();
                }
                engine = smooks;
            }
        }
        return engine;
    }

    /**
     * The message types compiled in, different per directory on purpose: the cartridge names its
     * on-disk cache after the message types alone, so two directories with the same list would
     * share one compiled schema and D01B interchanges would silently be read with D96A's.
     */
    private static final Map<String, List<String>> MESSAGE_TYPES = Map.of(
            "d96a", List.of("ORDERS"),
            "d01b", List.of("ORDERS", "ORDCHG"));

    private Smooks create() {
        StringBuilder types = new StringBuilder();
        for (String type : MESSAGE_TYPES.get(directory)) {
            types.append("<edifact:messageType>").append(type).append("</edifact:messageType>");
        }
        String config = """
                <smooks-resource-list xmlns="https://www.smooks.org/xsd/smooks-2.0.xsd"
                                      xmlns:edifact="https://www.smooks.org/xsd/smooks/edifact-2.0.xsd">
                    <edifact:parser schemaUri="/%s/EDIFACT-Messages.dfdl.xsd" cacheOnDisk="true">
                        <edifact:messageTypes>%s</edifact:messageTypes>
                    </edifact:parser>
                </smooks-resource-list>
                """.formatted(directory, types);
        try {
            return new Smooks(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("Cannot configure Smooks for EDIFACT " + directory, e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
