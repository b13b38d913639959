package org.backofficehub.edi.writing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.backofficehub.model.OrderKey;
import org.backofficehub.edi.AckType;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.partners.ControlNumbers;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfile;

/**
 * One interchange the hub sends a partner (order responses, invoices, despatch advices), written
 * as messages become available: opened at the first message, enveloped with control numbers
 * reserved per partner in the store, published and recorded when finished. Closed unfinished (the
 * interchange it answers failed), it leaves no file and hands its control numbers back.
 */
final class OutboundInterchange implements AutoCloseable {

    /** Writes {@code count} messages numbered from {@code firstNumber}. */
    interface Messages {
        void write(SegmentWriter out, long firstNumber, ZonedDateTime now);
    }

    private final Outbox outbox;
    private final PartnerProfile partner;
    private final ControlNumbers numbers;
    private final InterchangeRegistry registry;
    private final Clock clock;
    private final String documentType;
    private final String functionalId;
    private final boolean test;

    private Outbox.OutboxFile file;
    private DocumentNumbers taken;
    private String interchangeNumber;
    private long groupNumber;
    private ZonedDateTime openedAt;
    private int messages;
    /** What tracking is told: the orders the messages carry, and the partner's interchange they answer. */
    private final Set<OrderKey> orders = new LinkedHashSet<>();
    private String inReplyTo;
    private String resendOf;

    /**
     * @param documentType ORDRSP, INVOIC, DESADV for EDIFACT; 855, 810, 856 for X12
     * @param functionalId the X12 GS01 for the document type (PR, IN, SH)
     */
    OutboundInterchange(Outbox outbox, PartnerProfile partner, ControlNumbers numbers, InterchangeRegistry registry, Clock clock,
                        String documentType, String functionalId) {
        this(outbox, partner, numbers, registry, clock, documentType, functionalId, false);
    }

    /** @param test the answer to a test interchange, marked as one (ISA15 T, UNB 0035 1) */
    OutboundInterchange(Outbox outbox, PartnerProfile partner, ControlNumbers numbers, InterchangeRegistry registry, Clock clock,
                        String documentType, String functionalId, boolean test) {
        this.test = test;
        this.outbox = outbox;
        this.partner = partner;
        this.numbers = numbers;
        this.registry = registry;
        this.clock = clock;
        this.documentType = documentType;
        this.functionalId = functionalId;
    }

    /** The orders of messages written (or about to be): tracking links the document to them. */
    void carrying(Collection<OrderKey> keys) {
        orders.addAll(keys);
    }

    /** The partner's interchange these messages answer (its control number). */
    void inReplyTo(String controlNumber) {
        inReplyTo = controlNumber;
    }

    /** The interchange (its control number) this one sends again, for tracking. */
    void resendOf(String controlNumber) {
        resendOf = controlNumber;
    }

    void write(int count, Messages content) {
        if (count == 0) {
            return;
        }
        if (file == null) {
            open();
        }
        long first = taken.reserve(ControlNumbers.Kind.MESSAGE, count);
        content.write(file.writer(), first, openedAt);
        messages += count;
    }

    /** Closes the envelope, publishes the file and records it; null if nothing was written. */
    Path finish() {
        if (file == null) {
            return null;
        }
        SegmentWriter out = file.writer();
        if (partner.standard() == EdiStandard.EDIFACT) {
            OutboundEnvelope.closeEdifact(out, messages, interchangeNumber);
        } else {
            OutboundEnvelope.closeGroup(out, messages, groupNumber);
            OutboundEnvelope.closeX12(out, 1, interchangeNumber);
        }
        Path written = file.commit();
        taken.sent();
        registry.sent(partner.partnerId(), partner.standard(), interchangeNumber,
                partner.standard() == EdiStandard.X12 ? Long.toString(groupNumber) : null, documentType, messages,
                partner.ack() != AckType.NONE, written.getFileName().toString());
        outbox.published(new SentDocument(partner.partnerId(), partner.standard(), documentType, interchangeNumber, written,
                List.copyOf(orders), inReplyTo, resendOf));
        file = null;
        return written;
    }

    private void open() {
        openedAt = ZonedDateTime.now(clock);
        taken = new DocumentNumbers(numbers, partner.partnerId());
        try {
            long icn = taken.next(ControlNumbers.Kind.INTERCHANGE);
            if (partner.standard() == EdiStandard.EDIFACT) {
                interchangeNumber = Long.toString(icn);
                file = outbox.open(partner, documentType, interchangeNumber, EdiStandard.EDIFACT, "3");
                OutboundEnvelope.openEdifact(file.writer(), partner, interchangeNumber, openedAt, documentType, test);
            } else {
                interchangeNumber = OutboundEnvelope.x12InterchangeNumber(icn);
                groupNumber = taken.next(ControlNumbers.Kind.GROUP);
                String version = OutboundEnvelope.x12Version(partner);
                file = outbox.open(partner, documentType, interchangeNumber, EdiStandard.X12,
                        OutboundEnvelope.syntaxVersion(EdiStandard.X12, version));
                OutboundEnvelope.openX12(file.writer(), partner, version, interchangeNumber, openedAt, test);
                OutboundEnvelope.openGroup(file.writer(), partner, functionalId, version, groupNumber, openedAt);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            if (file != null) {
                file.close();
            }
        } finally {
            file = null;
            if (taken != null) {
                taken.handBack(); // nothing if it was sent
                taken = null;
            }
        }
    }
}
