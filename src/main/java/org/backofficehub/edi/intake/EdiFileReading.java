package org.backofficehub.edi.intake;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.EdiReceipt;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.FunctionalGroup;
import org.backofficehub.edi.GroupReport;
import org.backofficehub.edi.InterchangeListener;
import org.backofficehub.edi.InterchangeRejection;
import org.backofficehub.edi.InterchangeReport;
import org.backofficehub.edi.MessageVerdict;
import org.backofficehub.edi.SyntaxError;
import org.backofficehub.edi.partners.AckReconciler;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.reading.EdiEngines;
import org.backofficehub.edi.reading.InterchangeEvent;
import org.backofficehub.edi.reading.InterchangeEvents;
import org.backofficehub.edi.reading.InterchangeSyntaxException;
import org.backofficehub.edi.reading.NotANewOrderException;
import org.backofficehub.edi.reading.OrderContext;
import org.backofficehub.edi.reading.OrderMessageTranslator;
import org.backofficehub.edi.reading.TransactionSchemas;
import org.backofficehub.edi.writing.OrderResponseDocument;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.Party;
import org.backofficehub.model.PartyIdentifier;
import org.backofficehub.model.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One EDI file being received, as the EDI route splits it: its interchanges' events are pulled as
 * the route asks for the next step, and each interchange yields its orders
 * ({@link InterchangeOrders}) and then its end ({@link InterchangeEnd}). Each interchange is
 * checked as it is read: its sender's profile, a duplicate, every message against the
 * implementation guide (the engine's verdict), its group and trailer counts; valid orders are
 * translated as they are read.
 *
 * <p>Orders of an interchange are held until its trailer has been read, so a truncated or
 * miscounted interchange books nothing. An interchange with more than {@code holdOrders} orders
 * yields them in chunks as it is read, to keep memory bounded; a trailer error found after a chunk
 * was handed on is then reported as noted rather than rejecting what is already booked.
 */
public final class EdiFileReading implements Iterator<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(EdiFileReading.class);

    private final EdiIntake intake;
    private final EdiFile file;
    private final InterchangeEvents events;
    private final Deque<Object> ready = new ArrayDeque<>();
    private final Listener listener = new Listener();
    /** The file's problems for its reason file: the first {@value #LISTED_PROBLEMS}, and how many there were. */
    final List<FieldProblem> problems = new ArrayList<>();
    private static final int LISTED_PROBLEMS = 1_000;
    private long problemCount;
    final List<String> written = new ArrayList<>();
    private boolean onlyDuplicates = true;
    private boolean read;
    private int interchanges;
    private int messages;
    private int accepted;
    private int rejected;
    /** Messages of interchanges done with from this very file before (a crash before it left the inbox). */
    private int alreadyRead;
    private Interchange current;
    private GroupReport group;
    private RuntimeException failure;
    /** Interchanges whose order responses are still being written: begun, not yet answered. */
    private final List<Interchange> unanswered = new ArrayList<>();
    /** Interchanges begun and not yet recorded: claimed in the registry, with reports to close. */
    private final List<Interchange> unsettled = new ArrayList<>();
    /** Acknowledgements the hub failed to write (a defect): the file fails, unretried. */
    final List<RuntimeException> unacknowledged = new ArrayList<>();

    EdiFileReading(EdiIntake intake, EdiFile file, InterchangeEvents events) {
        this.intake = intake;
        this.file = file;
        this.events = events;
    }

    /**
     * Never throws: the route asks it in its loop's condition, where Camel would wrap a failure.
     * Whatever reading fails with (a file that is no readable EDI at all, the hub store away) is
     * thrown by {@link #next()}, a step of the route, as it is.
     */
    @Override
    public boolean hasNext() {
        try {
            readOn();
        } catch (RuntimeException e) {
            failure = e;
            read = true;
        }
        return !ready.isEmpty() || failure != null;
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException(file.fileName() + " is read");
        }
        if (ready.isEmpty()) {
            RuntimeException failed = failure;
            failure = null;
            throw failed;
        }
        return ready.poll();
    }

    /** Reads events until the next step is ready or the file ends. */
    private void readOn() {
        while (ready.isEmpty() && !read) {
            InterchangeEvent event;
            try {
                event = events.next();
            } catch (InterchangeSyntaxException e) {
                read = true;
                unreadable(e);
                return;
            }
            if (event == null) {
                read = true;
            } else {
                event.deliverTo(listener);
            }
        }
    }

    /** What became of the file; every problem found makes it a refusal, after everything acceptable in it was processed. */
    EdiReceipt conclude() {
        EdiReceipt receipt = new EdiReceipt(interchanges, messages, accepted, rejected, alreadyRead, List.copyOf(written));
        if (interchanges == 0) {
            throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The file holds no EDI interchange");
        }
        if (!problems.isEmpty()) {
            ProblemType type = onlyDuplicates ? ProblemType.DUPLICATE_INPUT : ProblemType.EDI_REJECTED;
            throw new InputRejectedException(type, "EDI file " + file.fileName() + ": " + receipt + "; " + problemCount
                    + " problem(s), first: " + problems.get(0).field() + ": " + problems.get(0).reason(), problems);
        }
        return receipt;
    }

    /** A problem of the file: counted, and listed while the list is short (a huge interchange may refuse millions of orders). */
    private void problem(FieldProblem problem) {
        problemCount++;
        if (problems.size() < LISTED_PROBLEMS) {
            problems.add(problem);
        }
    }

    /** Stops reading; an interchange cut short leaves no half-written order responses behind. */
    void close() {
        events.close();
        for (Interchange interchange : unanswered) {
            interchange.responses.close();
        }
        unanswered.clear();
        for (Interchange interchange : List.copyOf(unsettled)) {
            interchange.settled();
            if (interchange.recorded()) {
                String controlNumber = interchange.report.envelope().controlNumber();
                try {
                    intake.registry().abandoned(interchange.partner.partnerId(), controlNumber,
                            "the processing of " + file.fileName() + " stopped before this interchange was answered and recorded");
                } catch (RuntimeException e) {
                    // The file's own failure is the one to report; the claim is taken over on the next arrival.
                    LOG.warn("Interchange {} from {} not recorded as failed: {}", controlNumber, interchange.partner.partnerId(),
                            e.getMessage());
                }
            }
        }
    }

    /**
     * @param e the stream stopped being readable EDI; an engine that fails before reporting any
     *          interchange (Smooks) is still answered for the file's first header
     */
    private void unreadable(InterchangeSyntaxException e) {
        if (current == null && e.envelope() == null && interchanges == 0 && file.first() != null) {
            listener.interchangeStarted(file.first());
            if (current != null && !file.headerFaults().isEmpty()) {
                current.report.envelopeErrors(file.headerFaults());
            }
        }
        if (current == null) {
            throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The file is not readable EDI: " + e.getMessage());
        }
        String detail = current.report.envelopeErrors().isEmpty() ? e.getMessage()
                : describe(current.report.envelopeErrors()) + " (" + e.getMessage() + ")";
        current.report.reject(e.truncated() ? InterchangeRejection.TRUNCATED : InterchangeRejection.UNREADABLE, detail);
        if (current.deliveredEarly) {
            LOG.warn("Interchange {} is truncated after orders were booked: {}", current.report.envelope().controlNumber(), e.getMessage());
        }
        finish();
    }

    /** The interchange's trailer is read (or its end is known): its last orders, then its end. */
    private void finish() {
        Interchange ending = current;
        InterchangeReport report = ending.report;
        if (report.rejection() != null) {
            problem(new FieldProblem("interchange " + report.envelope().controlNumber(), report.rejectionDetail()));
        }
        if (report.rejection() != InterchangeRejection.DUPLICATE) {
            onlyDuplicates = false;
        }
        if (ending.alreadyRead()) {
            alreadyRead += report.messagesReceived();
        } else {
            accepted += report.rejected() ? 0 : report.messagesAccepted();
            rejected += report.rejected() ? report.messagesReceived() : report.messagesReceived() - report.messagesAccepted();
        }
        if (!report.rejected()) {
            handOn(ending);
        }
        if (ending.testOrders > 0) {
            LOG.info("Interchange {} from {} is a test interchange: {} order(s) acknowledged and answered, not booked"
                            + " (profile: test.interchanges = acknowledge)",
                    report.envelope().controlNumber(), report.envelope().senderId(), ending.testOrders);
        }
        ready.add(new InterchangeEnd(ending));
        current = null;
        group = null;
    }

    private void handOn(Interchange interchange) {
        if (!interchange.held.isEmpty()) {
            List<Order> orders = interchange.held.stream().map(Held::order).toList();
            interchange.held.clear();
            // Repeats are caught among the orders held together; one in a later chunk of a large
            // interchange is told apart by booking's own exactly-once check (already booked).
            interchange.orderIds.clear();
            ready.add(new InterchangeOrders(interchange, orders));
        }
    }

    private String where(EdiMessage message) {
        return "interchange " + current.report.envelope().controlNumber() + (group != null ? " group " + group.group().controlNumber() : "")
                + " message " + message.type() + " " + message.controlNumber();
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

    /** One interchange of the file: what its acknowledgement, order responses and record will say. */
    public final class Interchange {
        final InterchangeReport report;
        final PartnerProfile partner;
        final InterchangeRegistry.Arrival arrival;
        final OrderResponseDocument responses;
        private final List<Held> held = new ArrayList<>();
        private final Set<String> types = new LinkedHashSet<>();
        private boolean deliveredEarly;
        private int businessMessages;
        private int refusedOrders;
        /** Orders of a test interchange the profile does not book: acknowledged, settled and answered, not booked. */
        private int testOrders;
        /** Order numbers among the orders held (at most hub.edi.hold-orders): a repeat is answered, not booked. */
        private final Set<String> orderIds = new java.util.HashSet<>();
        private OrderContext orderContext;
        /** Acknowledgements in it that match nothing the hub sent (the first few, and how many). */
        private final List<String> unmatched = new ArrayList<>();
        private int unmatchedCount;
        private String acknowledgementFailure;

        private Interchange(Envelope envelope) {
            report = new InterchangeReport(envelope);
            Optional<PartnerProfile> found = intake.profiles().forSender(envelope, null);
            partner = found.orElse(null);
            if (partner == null) {
                report.reject(InterchangeRejection.UNKNOWN_PARTNER, intake.profiles().isOurs(envelope.senderId())
                        ? "the sender " + envelope.senderId() + " is this hub: an outbound document is not read back"
                        : intake.profiles().unknownSender(envelope));
                arrival = null;
                responses = null;
                return;
            }
            unsettled.add(this);
            arrival = intake.registry().arrived(partner.partnerId(), envelope, file.fileName(), file.readBefore());
            if (arrival == InterchangeRegistry.Arrival.ALREADY_READ) {
                LOG.info("Interchange {} from {} was read to the end from this very file {} before it could leave the inbox (a crash"
                        + " or a takeover came between): not read, booked or acknowledged again", envelope.controlNumber(),
                        partner.partnerId(), file.fileName());
                responses = null;
                return;
            }
            if (arrival == InterchangeRegistry.Arrival.DUPLICATE) {
                report.reject(InterchangeRejection.DUPLICATE, "interchange " + envelope.controlNumber() + " from "
                        + partner.partnerId() + " was received before");
            } else if (arrival == InterchangeRegistry.Arrival.IN_PROGRESS) {
                report.reject(InterchangeRejection.DUPLICATE, "interchange " + envelope.controlNumber() + " from "
                        + partner.partnerId() + " is being received from another file right now");
            }
            responses = intake.orderResponses(partner, envelope.test(), envelope.controlNumber());
            unanswered.add(this);
        }

        /** The partner's id; null for a sender without a profile. */
        public String partnerId() {
            return partner == null ? null : partner.partnerId();
        }

        /** Who sent it, as its header says (the partner's interchange id). */
        public String senderId() {
            return report.envelope().senderId();
        }

        /** Its control number (UNB 0020, ISA13). */
        public String controlNumber() {
            return report.envelope().controlNumber();
        }

        /** Its state once answered, as recorded ({@link #outcome()}), with what it means in particular. */
        public String state() {
            return outcome();
        }

        public String stateDetail() {
            return outcomeDetail();
        }

        /** The types of the messages in it, e.g. ORDERS or 850. */
        public String documentTypes() {
            return messageTypes();
        }

        /** The answers of its orders handed on: order responses for the booked and the refused; refusals are the file's problems too. */
        void answered(List<org.backofficehub.edi.OrderResponse> answers) {
            responses.add(answers);
            for (org.backofficehub.edi.OrderResponse answer : answers) {
                if (!answer.accepted()) {
                    refusedOrders++;
                    problem(new FieldProblem("order " + answer.order().orderId(), answer.refusal()));
                }
            }
        }

        /** A test interchange whose orders are answered as they would be, but not booked (the profile's test.interchanges). */
        boolean trial() {
            return report.envelope().test() && !partner.orders().bookTestInterchanges();
        }

        /** What the translators know of this interchange beyond its messages: the partner, and the day it arrived. */
        OrderContext orderContext() {
            if (orderContext == null) {
                Party asBuyer = new Party(partner.name(), null, null, null,
                        new PartyIdentifier(PartyIdentifier.Scheme.MUTUALLY_DEFINED, partner.partnerId()));
                orderContext = new OrderContext(partner.partnerId(), asBuyer, partner.orders().buyerFrom(), intake.today(),
                        partner.orders().currency());
            }
            return orderContext;
        }

        /** Done with from this very file before: passed over, neither a problem nor answered. */
        boolean alreadyRead() {
            return arrival == InterchangeRegistry.Arrival.ALREADY_READ;
        }

        boolean wantsAcknowledgement() {
            return partner != null && !alreadyRead() && partner.ack() != org.backofficehub.edi.AckType.NONE && (businessMessages > 0 || report.rejected());
        }

        /**
         * The interchange's state for its record ({@link InterchangeRegistry}): failed (its
         * acknowledgement could not be written), rejected (refused whole, or no message got through:
         * none accepted by the acknowledgement and booked or staged), unmatched (acknowledgements in
         * it matched nothing the hub sent), partial (something in it refused) or completed.
         */
        String outcome() {
            if (acknowledgementFailure != null) {
                return "failed";
            }
            if (report.rejected()) {
                return "rejected";
            }
            if (unmatchedCount > 0) {
                return "unmatched";
            }
            int through = report.messagesAccepted() - refusedOrders;
            if (report.messagesReceived() > 0 && through <= 0) {
                return "rejected";
            }
            return report.anythingRejected() || refusedOrders > 0 ? "partial" : "completed";
        }

        /** What its state means in particular, for its record; null when nothing needs saying. */
        String outcomeDetail() {
            if (acknowledgementFailure != null) {
                return "its acknowledgement could not be written: " + acknowledgementFailure;
            }
            if (report.rejected()) {
                return report.rejectionDetail() != null ? report.rejectionDetail() : describe(report.envelopeErrors());
            }
            if (unmatchedCount > 0) {
                return String.join("; ", unmatched) + (unmatchedCount > unmatched.size()
                        ? "; and " + (unmatchedCount - unmatched.size()) + " more" : "");
            }
            int refused = report.messagesReceived() - report.messagesAccepted();
            if (refused == 0 && refusedOrders == 0) {
                return null;
            }
            return report.messagesReceived() + " message(s): " + refused + " rejected in the acknowledgement, " + refusedOrders
                    + " order(s) refused";
        }

        void unmatched(String acknowledgement) {
            if (unmatched.size() < 5) {
                unmatched.add(acknowledgement);
            }
            unmatchedCount++;
        }

        void acknowledgementFailed(RuntimeException failure) {
            acknowledgementFailure = failure.getMessage();
            unacknowledged.add(failure);
        }

        /** Recorded (or given up): its claim is settled and its report's files removed. */
        void settled() {
            unsettled.remove(this);
            report.close();
        }

        boolean recorded() {
            return arrival == InterchangeRegistry.Arrival.NEW || arrival == InterchangeRegistry.Arrival.RESUMED;
        }

        String messageTypes() {
            return String.join(",", types);
        }

        /** Its order responses are published (or the interchange had none): nothing is left to close. */
        void answeredAll() {
            unanswered.remove(this);
        }

        void written(Path document) {
            if (document != null) {
                EdiFileReading.this.written.add(document.getFileName().toString());
            }
        }
    }

    /** Hears the engine's events and turns them into the file's steps. */
    private final class Listener implements InterchangeListener {

        @Override
        public void interchangeStarted(Envelope envelope) {
            interchanges++;
            group = null;
            current = new Interchange(envelope);
        }

        @Override
        public void groupStarted(FunctionalGroup functionalGroup) {
            group = current.report.startGroup(functionalGroup);
        }

        @Override
        public void message(EdiMessage message) {
            Interchange interchange = current;
            GroupReport target = group != null ? group : interchange.report.implicitGroup();
            messages++;
            interchange.types.add(message.type());
            if (interchange.report.rejection() != null || interchange.alreadyRead()) {
                target.counted();
                return;
            }
            if (AckReconciler.isAcknowledgement(message.type()) && message.valid()) {
                AckReconciler.Reconciliation reconciled = intake.reconciler().reconcile(interchange.partner.partnerId(), message,
                        interchange.report.envelope().controlNumber());
                if (!reconciled.matched()) {
                    interchange.unmatched(reconciled.unmatched());
                }
                target.accepted();
                return;
            }
            interchange.businessMessages++;
            EdiStandard standard = interchange.report.envelope().standard();
            String readAs = TransactionSchemas.readAs(standard, message.type(), message.version());
            if (readAs != null && !TransactionSchemas.supports(standard, message.type(), message.version(), interchange.partner.version())) {
                refuse(target, message, "version " + message.version() + " of " + message.type() + " is not supported (the hub reads "
                        + String.join(", ", TransactionSchemas.versions(standard, message.type()))
                        + ", later versions with the nearest of these guides, and the version the partner's profile names)",
                        MessageVerdict.Refusal.VERSION_NOT_SUPPORTED);
                return;
            }
            if (readAs != null && !readAs.equals(message.version())) {
                LOG.info("{}: {}", where(message), TransactionSchemas.note(standard, message.type(), message.version(), readAs));
            }
            if (!message.valid()) {
                refuse(target, message, message.unreadable());
                return;
            }
            OrderMessageTranslator translator = intake.translator(EdiEngines.translatorKey(interchange.partner.engine(), message.type()));
            if (translator == null) {
                refuse(target, message, "message type " + message.type() + " is not one the hub receives",
                        MessageVerdict.Refusal.TYPE_NOT_SUPPORTED);
                return;
            }
            if (!interchange.partner.documentsIn().isEmpty() && !interchange.partner.documentsIn().contains(message.type())) {
                refuse(target, message, "message type " + message.type() + " is not agreed with " + interchange.partner.partnerId(),
                        MessageVerdict.Refusal.TYPE_NOT_AGREED);
                return;
            }
            Order order;
            try {
                order = translator.translate(interchange.orderContext(), message);
            } catch (InputRejectedException e) {
                refuse(target, message, e.getMessage());
                return;
            } catch (NotANewOrderException e) {
                target.accepted();
                interchange.answered(List.of(new org.backofficehub.edi.OrderResponse(e.order(), null, e.getMessage())));
                return;
            }
            // Well-formed per the standard: the acknowledgement accepts it, whatever the order asks for.
            target.accepted();
            if (!interchange.orderIds.add(order.orderId())) {
                // No second response under the same order number: a refusal would contradict the first's answer.
                problem(new FieldProblem(where(message), "order " + order.orderId() + " was sent twice in interchange "
                        + interchange.report.envelope().controlNumber() + "; the first is booked and answered, the repeat is not"));
                return;
            }
            if (interchange.trial()) {
                interchange.testOrders++;
            }
            interchange.held.add(new Held(target, order));
            if (interchange.held.size() >= intake.holdOrders()) {
                handOn(interchange);
                interchange.deliveredEarly = true;
            }
        }

        private void refuse(GroupReport target, EdiMessage message, String reason) {
            refuse(target, message, reason, null);
        }

        /** @param refusal the kind of refusal, for the acknowledgement's code; null to tell it by the errors */
        private void refuse(GroupReport target, EdiMessage message, String reason, MessageVerdict.Refusal refusal) {
            // Errors found by the nearest guide do not apply to a version the hub does not read: the
            // acknowledgement says only that (AK5 1 / UCM 14), not what another version's guide disliked.
            List<SyntaxError> errors = refusal == MessageVerdict.Refusal.VERSION_NOT_SUPPORTED ? List.of() : message.errors();
            target.rejected(new MessageVerdict(message.type(), message.controlNumber(), message.version(), message.association(),
                    errors, reason, refusal));
            String why = reason != null ? reason : describe(message.errors());
            problem(new FieldProblem(where(message), why));
        }

        @Override
        public void groupEnded(FunctionalGroup functionalGroup, int declaredMessages, List<SyntaxError> errors) {
            Interchange interchange = current;
            GroupReport ending = group != null ? group : interchange.report.implicitGroup();
            ending.ended(declaredMessages, errors);
            if (!errors.isEmpty() && interchange.report.rejection() == null && !interchange.deliveredEarly) {
                interchange.held.removeIf(h -> h.group() == ending);
                interchange.orderIds.clear(); // only orders still held are repeats to catch
                interchange.held.forEach(h -> interchange.orderIds.add(h.order().orderId()));
                ending.refuseAll();
                problem(new FieldProblem("group " + functionalGroup.controlNumber() + " of interchange "
                        + interchange.report.envelope().controlNumber(), describe(errors)));
            }
            group = null;
        }

        @Override
        public void interchangeEnded(Envelope envelope, List<SyntaxError> errors) {
            if (!errors.isEmpty()) {
                if (current.deliveredEarly) {
                    LOG.warn("Interchange {} from {}: {} (noted; its first orders were booked already)", envelope.controlNumber(),
                            envelope.senderId(), describe(errors));
                } else {
                    current.report.envelopeErrors(errors);
                    problem(new FieldProblem("interchange " + envelope.controlNumber(), describe(errors)));
                }
            }
            finish();
        }
    }

    private record Held(GroupReport group, Order order) {
    }
}
