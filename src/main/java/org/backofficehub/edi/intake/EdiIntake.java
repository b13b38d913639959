package org.backofficehub.edi.intake;

import java.nio.charset.StandardCharsets;
import org.backofficehub.edi.reading.EdiInput;
import org.backofficehub.edi.reading.LooseIsa;

import org.backofficehub.erp.ResolvedOrders;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.backofficehub.edi.EdiCharsets;
import org.backofficehub.edi.EdiReceipt;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.OrderResponse;
import org.backofficehub.edi.partners.AckReconciler;
import org.backofficehub.edi.partners.ControlNumbers;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.reading.EnvelopePeek;
import org.backofficehub.edi.reading.InterchangeEvent;
import org.backofficehub.edi.reading.InterchangeEvents;
import org.backofficehub.edi.reading.InterchangeReader;
import org.backofficehub.edi.reading.InterchangeSyntaxException;
import org.backofficehub.edi.reading.OrderMessageTranslator;
import org.backofficehub.edi.writing.Acknowledgements;
import org.backofficehub.edi.writing.EdiWriteException;
import org.backofficehub.edi.writing.OrderResponseDocument;
import org.backofficehub.edi.writing.Outbox;
import org.backofficehub.model.OrderAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the EDI route ({@code routes/edi-interchanges.camel.yaml}) for an inbox file: find
 * its engine and encoding, read it ({@link EdiFileReading}), answer each interchange's orders,
 * acknowledge it, send its order responses, record it, and say what became of the file.
 */
public final class EdiIntake {

    private static final Logger LOG = LoggerFactory.getLogger(EdiIntake.class);

    /** Headers the route chooses the engine by. */
    public static final String ENGINE = "hubEdiEngine";
    public static final String DIRECTORY = "hubEdiDirectory";
    /** Exchange property the inbox sets (SameFileRecognition): this very file's reading began before. */
    public static final String READ_BEFORE = "hubReadBefore";

    private final InterchangeReader reader;
    private final PartnerProfiles profiles;
    private final InterchangeRegistry registry;
    private final ControlNumbers numbers;
    private final Outbox outbox;
    private final Map<String, OrderMessageTranslator> translators;
    private final AckReconciler reconciler;
    private final Acknowledgements acknowledgements;
    private final Clock clock;
    private final int holdOrders;

    public EdiIntake(InterchangeReader reader, PartnerProfiles profiles, InterchangeRegistry registry, ControlNumbers numbers,
                     Outbox outbox, Map<String, OrderMessageTranslator> translators, Clock clock, int holdOrders) {
        this.reader = reader;
        this.profiles = profiles;
        this.registry = registry;
        this.numbers = numbers;
        this.outbox = outbox;
        this.translators = Map.copyOf(translators);
        this.reconciler = new AckReconciler(registry);
        this.acknowledgements = new Acknowledgements(outbox, numbers, registry, clock);
        this.clock = clock;
        this.holdOrders = holdOrders;
    }

    /**
     * The file as its first interchange header presents it: the engine its sender's profile names
     * (StAEDI unless it says otherwise) and the encoding to read it in (the profile's, else what the
     * interchange declares). Sets the headers {@link #ENGINE} and {@link #DIRECTORY}.
     */
    public EdiFile begin(Exchange exchange) throws IOException {
        Path path = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        Envelope first;
        java.util.List<org.backofficehub.edi.SyntaxError> headerFaults = java.util.List.of();
        try (BufferedInputStream in = EdiInput.open(path)) {
            first = EnvelopePeek.first(in, reader);
            if (first == null) {
                // An ISA the reader cannot place (wrong widths, a space as terminator) still says who to answer.
                LooseIsa.Header loose = LooseIsa.read(in);
                if (loose != null) {
                    first = loose.envelope();
                    headerFaults = loose.faults();
                }
            }
        }
        PartnerProfile partner = first == null ? null : profiles.forSender(first, null).orElse(null);
        // EBCDIC is translated to Latin-1 bytes as it is read, whatever encoding a profile names for it.
        Charset charset = EdiInput.ebcdic(path) ? StandardCharsets.ISO_8859_1
                : partner != null && partner.encoding() != null ? partner.encoding() : EdiCharsets.of(first);
        String engine = partner != null ? partner.engine() : PartnerProfile.STAEDI;
        boolean readBefore = exchange.getProperty(READ_BEFORE, false, Boolean.class);
        EdiFile file = new EdiFile(path, fileName, first, partner, charset, engine, headerFaults, readBefore);
        exchange.getMessage().setHeader(ENGINE, engine);
        exchange.getMessage().setHeader(DIRECTORY, file.directory());
        return file;
    }

    /** StAEDI reading the file from disk, ahead of the route on a thread of its own. */
    public InterchangeEvents readWithStaedi(EdiFile file) throws IOException {
        InputStream in = EdiInput.open(file.path());
        InterchangeEvents events = reader.events(in, file.charset());
        return new InterchangeEvents() {
            @Override
            public InterchangeEvent next() throws InterchangeSyntaxException {
                return events.next();
            }

            @Override
            public void close() {
                events.close();
                try {
                    in.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** The file's interchanges, one step at a time as the route asks: their orders, then their end. */
    public EdiFileReading receive(InterchangeEvents events, EdiFile file) {
        return new EdiFileReading(this, file, events);
    }

    /** Whether the file has another step: it reads on until it has one, or to its end. */
    public boolean hasNext(EdiFileReading reading) {
        return reading.hasNext();
    }

    /** The next step: an interchange's orders ({@link InterchangeOrders}) or its end ({@link InterchangeEnd}). */
    public Object next(EdiFileReading reading) {
        return reading.next();
    }

    /**
     * What became of orders of an interchange: the catalogue's refusals and what the real-time-or-batch
     * step answered for the rest; booked and refused ones get order responses.
     */
    public void answered(InterchangeOrders orders, ResolvedOrders resolved, List<OrderAnswer> booked) {
        answered(orders, resolved.answers(booked));
    }

    /**
     * Orders of a test interchange, answered as they would be but not booked: the catalogue's
     * refusals, and the rest accepted without an ERP order number, in a test interchange.
     */
    public void answeredWithoutBooking(InterchangeOrders orders, ResolvedOrders resolved) {
        List<OrderResponse> responses = new ArrayList<>();
        for (OrderAnswer refused : resolved.refused()) {
            responses.add(OrderResponse.answering(refused));
        }
        for (org.backofficehub.model.Order order : resolved.bookable()) {
            responses.add(new OrderResponse(order, null, null));
        }
        orders.interchange().answered(responses);
    }

    void answered(InterchangeOrders orders, List<OrderAnswer> answers) {
        List<OrderResponse> responses = new ArrayList<>(answers.size());
        for (OrderAnswer answer : answers) {
            if (answer.isStaged()) {
                continue; // its order response follows the drain
            }
            responses.add(OrderResponse.answering(answer));
        }
        orders.interchange().answered(responses);
        registry.stillReceiving(orders.interchange().partner.partnerId(), orders.interchange().report.envelope().controlNumber());
    }

    /**
     * The acknowledgement the partner's profile asks for (CONTRL, 997, 999; TA1 when the envelope is
     * refused). One the hub's writer refuses is a defect of the hub, not something a retry mends:
     * logged, the interchange recorded as failed, its order responses still sent, and the file
     * failed at its end ({@link #conclude}), unretried.
     */
    public void acknowledge(InterchangeEnd end) {
        EdiFileReading.Interchange interchange = end.interchange();
        if (interchange.wantsAcknowledgement()) {
            try {
                interchange.written(acknowledgements.send(interchange.partner, interchange.report));
            } catch (EdiWriteException defect) {
                LOG.error("The acknowledgement of interchange {} from {} cannot be written; the interchange is recorded as failed",
                        interchange.report.envelope().controlNumber(), interchange.partner.partnerId(), defect);
                interchange.acknowledgementFailed(defect);
            }
        }
    }

    /** The order responses (ORDRSP/855) for what was booked or refused, if the partner's profile asks for them. */
    public void respond(InterchangeEnd end) {
        EdiFileReading.Interchange interchange = end.interchange();
        if (interchange.responses != null) {
            try {
                interchange.written(interchange.responses.finish());
            } finally {
                interchange.responses.close();
                interchange.answeredAll();
            }
        }
    }

    /**
     * The interchange's state in the hub store: completed, partial, rejected, unmatched or failed,
     * with what it means in particular (a duplicate keeps its first record).
     */
    public void record(InterchangeEnd end) {
        EdiFileReading.Interchange interchange = end.interchange();
        if (interchange.recorded()) {
            registry.finished(interchange.partner.partnerId(), interchange.report.envelope().controlNumber(), interchange.outcome(),
                    interchange.messageTypes(), interchange.report.messagesReceived(), interchange.outcomeDetail());
        }
        interchange.settled();
    }

    /**
     * What became of the file: done/, or error/ naming every problem (after everything acceptable in
     * it was processed). An acknowledgement the hub could not write fails the file as a defect
     * ({@link EdiWriteException}), which the inbox does not retry.
     */
    public EdiReceipt conclude(EdiFileReading reading) {
        if (!reading.unacknowledged.isEmpty()) {
            RuntimeException first = reading.unacknowledged.get(0);
            throw new EdiWriteException(reading.unacknowledged.size() + " acknowledgement(s) of this file could not be written"
                    + " (a defect of the hub; the interchanges are recorded as failed, their orders answered): " + first.getMessage(), first);
        }
        return reading.conclude();
    }

    public void close(EdiFileReading reading) {
        reading.close();
    }

    PartnerProfiles profiles() {
        return profiles;
    }

    InterchangeRegistry registry() {
        return registry;
    }

    AckReconciler reconciler() {
        return reconciler;
    }

    OrderMessageTranslator translator(String key) {
        return translators.get(key);
    }

    java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    int holdOrders() {
        return holdOrders;
    }

    OrderResponseDocument orderResponses(PartnerProfile partner, boolean test, String answering) {
        return new OrderResponseDocument(outbox, partner, numbers, registry, clock, test).answering(answering);
    }
}
