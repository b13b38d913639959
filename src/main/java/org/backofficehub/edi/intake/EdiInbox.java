package org.backofficehub.edi.intake;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.backofficehub.edi.AckType;
import org.backofficehub.edi.EdiCharsets;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.EdiReceipt;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.FunctionalGroup;
import org.backofficehub.edi.GroupReport;
import org.backofficehub.edi.InterchangeListener;
import org.backofficehub.edi.InterchangeRejection;
import org.backofficehub.edi.InterchangeReport;
import org.backofficehub.edi.MessageVerdict;
import org.backofficehub.edi.OrderResponse;
import org.backofficehub.edi.SyntaxError;
import org.backofficehub.edi.partners.AckReconciler;
import org.backofficehub.edi.partners.ControlNumbers;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.reading.EdiEngines;
import org.backofficehub.edi.reading.EnvelopePeek;
import org.backofficehub.edi.reading.InterchangeReader;
import org.backofficehub.edi.reading.InterchangeSource;
import org.backofficehub.edi.reading.InterchangeSyntaxException;
import org.backofficehub.edi.reading.OrderMessageTranslator;
import org.backofficehub.edi.writing.Acknowledgements;
import org.backofficehub.edi.writing.OrderResponseDocument;
import org.backofficehub.edi.writing.Outbox;

/**
 * Receives an EDI file: each interchange is checked (partner, duplicate, syntax), its orders are
 * translated and delivered, and the partner gets the acknowledgement its profile asks for and
 * the order responses. Anything refused makes the whole file end in error/ with the reasons,
 * after everything acceptable in it was processed.
 *
 * <p>Orders of an interchange are held until its trailer has been read, so a truncated or
 * miscounted interchange books nothing. An interchange with more than {@code holdOrders} orders
 * is delivered in chunks as it is read, to keep memory bounded; a trailer error found after a
 * chunk was delivered is then reported as noted rather than rejecting what is already booked.
 */
public final class EdiInbox {

    private static final Logger LOG = LoggerFactory.getLogger(EdiInbox.class);

    private final InterchangeReader reader;
    private final Function<PartnerProfile, InterchangeSource> otherEngines;
    private final PartnerProfiles profiles;
    private final InterchangeRegistry registry;
    private final ControlNumbers numbers;
    private final Outbox outbox;
    private final OrderDelivery delivery;
    private final Map<String, OrderMessageTranslator> translators;
    private final AckReconciler reconciler;
    private final Acknowledgements acknowledgements;
    private final Clock clock;
    private final int holdOrders;

    public EdiInbox(InterchangeReader reader, PartnerProfiles profiles, InterchangeRegistry registry, ControlNumbers numbers,
                    Outbox outbox, OrderDelivery delivery, Map<String, OrderMessageTranslator> translators, Clock clock,
                    int holdOrders) {
        this(reader, profile -> reader, profiles, registry, numbers, outbox, delivery, translators, clock, holdOrders);
    }

    /**
     * @param otherEngines the reading engine for a partner whose profile names one other than
     *                     StAEDI (Smooks); chosen by the file's first interchange
     */
    public EdiInbox(InterchangeReader reader, Function<PartnerProfile, InterchangeSource> otherEngines, PartnerProfiles profiles,
                    InterchangeRegistry registry, ControlNumbers numbers, Outbox outbox, OrderDelivery delivery,
                    Map<String, OrderMessageTranslator> translators, Clock clock, int holdOrders) {
        this.reader = reader;
        this.otherEngines = otherEngines;
        this.profiles = profiles;
        this.registry = registry;
        this.numbers = numbers;
        this.outbox = outbox;
        this.delivery = delivery;
        this.translators = Map.copyOf(translators);
        this.reconciler = new AckReconciler(registry);
        this.acknowledgements = new Acknowledgements(outbox, numbers, registry, clock);
        this.clock = clock;
        this.holdOrders = holdOrders;
    }

    public EdiReceipt receive(InputStream input, String fileName) {
        BufferedInputStream buffered = new BufferedInputStream(input, 1 << 16);
        Envelope first = EnvelopePeek.first(buffered, reader);
        InterchangeSource source = engineFor(first);
        FileSession session = new FileSession(fileName);
        try {
            source.read(buffered, decoding(first), session);
        } catch (InterchangeSyntaxException e) {
            session.unreadable(e, first);
        }
        return session.conclude();
    }

    /** As the first interchange's sender's profile says, else as the interchange says. */
    private Charset decoding(Envelope first) {
        if (first == null) {
            return EdiCharsets.of(null);
        }
        return profiles.forSender(first, null).map(profile -> profile.decoding(first)).orElse(EdiCharsets.of(first));
    }

    /** StAEDI, unless the first interchange's sender has a profile naming another engine. */
    private InterchangeSource engineFor(Envelope first) {
        if (first == null) {
            return reader;
        }
        return profiles.forSender(first, null).filter(p -> !PartnerProfile.STAEDI.equals(p.engine()))
                .map(otherEngines).orElse(reader);
    }

    private final class FileSession implements InterchangeListener {
        private final String fileName;
        private final List<FieldProblem> problems = new ArrayList<>();
        private final List<String> written = new ArrayList<>();
        private boolean onlyDuplicates = true;
        private int interchanges;
        private int messages;
        private int accepted;
        private int rejected;

        private InterchangeReport report;
        private PartnerProfile partner;
        private InterchangeRegistry.Arrival arrival;
        private GroupReport group;
        private final List<Held> held = new ArrayList<>();
        private boolean deliveredEarly;
        private int businessMessages;
        private final Set<String> types = new LinkedHashSet<>();
        private OrderResponseDocument responses;
        private int refusedOrders;

        FileSession(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public void interchangeStarted(Envelope envelope) {
            interchanges++;
            report = new InterchangeReport(envelope);
            held.clear();
            deliveredEarly = false;
            businessMessages = 0;
            refusedOrders = 0;
            types.clear();
            group = null;
            arrival = null;
            Optional<PartnerProfile> found = profiles.forSender(envelope, null);
            partner = found.orElse(null);
            if (partner == null) {
                report.reject(InterchangeRejection.UNKNOWN_PARTNER, profiles.isOurs(envelope.senderId())
                        ? "the sender " + envelope.senderId() + " is this hub: an outbound document is not read back"
                        : "no partner profile for sender " + envelope.senderId()
                                + (envelope.senderQualifier().isEmpty() ? "" : " (qualifier " + envelope.senderQualifier() + ")"));
                return;
            }
            arrival = registry.arrived(partner.partnerId(), envelope, fileName);
            if (arrival == InterchangeRegistry.Arrival.DUPLICATE) {
                report.reject(InterchangeRejection.DUPLICATE, "interchange " + envelope.controlNumber() + " from "
                        + partner.partnerId() + " was received before");
            }
            responses = new OrderResponseDocument(outbox, partner, numbers, registry, clock);
        }

        @Override
        public void groupStarted(FunctionalGroup functionalGroup) {
            group = report.startGroup(functionalGroup);
        }

        @Override
        public void message(EdiMessage message) {
            GroupReport target = group != null ? group : report.implicitGroup();
            messages++;
            types.add(message.type());
            if (report.rejection() != null) {
                target.counted();
                return;
            }
            if (AckReconciler.isAcknowledgement(message.type()) && message.valid()) {
                reconciler.reconcile(partner.partnerId(), message);
                target.accepted();
                return;
            }
            businessMessages++;
            if (!message.valid()) {
                refuse(target, message, message.unreadable());
                return;
            }
            OrderMessageTranslator translator = translators.get(EdiEngines.translatorKey(partner.engine(), message.type()));
            if (translator == null) {
                refuse(target, message, "message type " + message.type() + " is not one the hub receives");
                return;
            }
            if (!partner.documentsIn().isEmpty() && !partner.documentsIn().contains(message.type())) {
                refuse(target, message, "message type " + message.type() + " is not agreed with " + partner.partnerId());
                return;
            }
            try {
                Order order = translator.translate(partner.partnerId(), message);
                target.accepted();
                held.add(new Held(target, order));
                if (held.size() >= holdOrders) {
                    deliverHeld();
                    deliveredEarly = true;
                }
            } catch (InputRejectedException e) {
                refuse(target, message, e.getMessage());
            }
        }

        private void refuse(GroupReport target, EdiMessage message, String reason) {
            target.rejected(new MessageVerdict(message.type(), message.controlNumber(), message.version(), message.association(),
                    message.errors(), reason));
            String why = reason != null ? reason : describe(message.errors());
            problems.add(new FieldProblem(where(message), why));
        }

        @Override
        public void groupEnded(FunctionalGroup functionalGroup, int declaredMessages, List<SyntaxError> errors) {
            GroupReport ending = group != null ? group : report.implicitGroup();
            ending.ended(declaredMessages, errors);
            if (!errors.isEmpty() && report.rejection() == null && !deliveredEarly) {
                held.removeIf(h -> h.group() == ending);
                ending.refuseAll();
                problems.add(new FieldProblem("group " + functionalGroup.controlNumber() + " of interchange "
                        + report.envelope().controlNumber(), describe(errors)));
            }
            group = null;
        }

        @Override
        public void interchangeEnded(Envelope envelope, List<SyntaxError> errors) {
            if (!errors.isEmpty()) {
                if (deliveredEarly) {
                    LOG.warn("Interchange {} from {}: {} (noted; its first orders were booked already)", envelope.controlNumber(),
                            envelope.senderId(), describe(errors));
                } else {
                    report.envelopeErrors(errors);
                    problems.add(new FieldProblem("interchange " + envelope.controlNumber(), describe(errors)));
                }
            }
            finishInterchange();
        }

        /**
         * @param peeked the file's first interchange header: an engine that fails before reporting
         *               any interchange (Smooks) is still answered for it
         */
        void unreadable(InterchangeSyntaxException e, Envelope peeked) {
            if (report == null && e.envelope() == null && interchanges == 0 && peeked != null) {
                interchangeStarted(peeked);
            }
            if (report == null) {
                throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The file is not readable EDI: " + e.getMessage());
            }
            report.reject(e.truncated() ? InterchangeRejection.TRUNCATED : InterchangeRejection.UNREADABLE, e.getMessage());
            if (deliveredEarly) {
                LOG.warn("Interchange {} is truncated after orders were booked: {}", report.envelope().controlNumber(), e.getMessage());
            }
            finishInterchange();
        }

        private void finishInterchange() {
            Envelope envelope = report.envelope();
            try {
                if (report.rejection() != null) {
                    problems.add(new FieldProblem("interchange " + envelope.controlNumber(), report.rejectionDetail()));
                }
                if (!report.rejected()) {
                    deliverHeld();
                }
                if (report.rejection() != InterchangeRejection.DUPLICATE) {
                    onlyDuplicates = false;
                }
                accepted += report.rejected() ? 0 : report.messagesAccepted();
                rejected += report.rejected() ? report.messagesReceived() : report.messagesReceived() - report.messagesAccepted();
                if (partner != null && partner.ack() != AckType.NONE && (businessMessages > 0 || report.rejected())) {
                    written.add(acknowledgements.send(partner, report).getFileName().toString());
                }
                if (responses != null) {
                    Path sent = responses.finish();
                    if (sent != null) {
                        written.add(sent.getFileName().toString());
                    }
                }
                if (arrival != null && arrival != InterchangeRegistry.Arrival.DUPLICATE) {
                    String state = report.rejected() ? "rejected" : report.anythingRejected() || refusedOrders > 0 ? "partial" : "completed";
                    registry.finished(partner.partnerId(), envelope.controlNumber(), state, String.join(",", types),
                            report.messagesReceived());
                }
            } finally {
                if (responses != null) {
                    responses.close();
                }
                responses = null;
                held.clear();
                report = null;
            }
        }

        private void deliverHeld() {
            if (held.isEmpty()) {
                return;
            }
            List<Order> orders = held.stream().map(Held::order).toList();
            held.clear();
            List<OrderResponse> answers = delivery.deliver(orders);
            responses.add(answers);
            for (OrderResponse answer : answers) {
                if (!answer.accepted()) {
                    refusedOrders++;
                    problems.add(new FieldProblem("order " + answer.order().orderId(), answer.refusal()));
                }
            }
        }

        EdiReceipt conclude() {
            EdiReceipt receipt = new EdiReceipt(interchanges, messages, accepted, rejected, List.copyOf(written));
            if (interchanges == 0) {
                throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The file holds no EDI interchange");
            }
            if (!problems.isEmpty()) {
                ProblemType type = onlyDuplicates ? ProblemType.DUPLICATE_INPUT : ProblemType.EDI_REJECTED;
                throw new InputRejectedException(type, "EDI file " + fileName + ": " + receipt + "; " + problems.size()
                        + " problem(s), first: " + problems.get(0).field() + ": " + problems.get(0).reason(), problems);
            }
            return receipt;
        }

        private String where(EdiMessage message) {
            return "interchange " + report.envelope().controlNumber() + (group != null ? " group " + group.group().controlNumber() : "")
                    + " message " + message.type() + " " + message.controlNumber();
        }
    }

    static String describe(List<SyntaxError> errors) {
        StringBuilder text = new StringBuilder();
        for (SyntaxError error : errors) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(error.describe());
        }
        return text.toString();
    }

    private record Held(GroupReport group, Order order) {
    }
}
