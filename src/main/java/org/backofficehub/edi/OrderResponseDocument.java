package org.backofficehub.edi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The order responses for one inbound interchange, written as the orders are booked: one
 * outbound interchange of ORDRSP or 855 messages, opened at the first response. Control numbers
 * come from the store per partner.
 */
final class OrderResponseDocument implements AutoCloseable {

    private final Outbox outbox;
    private final PartnerProfile partner;
    private final ControlNumbers numbers;
    private final InterchangeRegistry registry;
    private final Clock clock;
    private final String documentType;

    private Outbox.OutboxFile file;
    private String interchangeNumber;
    private long groupNumber;
    private ZonedDateTime openedAt;
    private int messages;

    OrderResponseDocument(Outbox outbox, PartnerProfile partner, ControlNumbers numbers, InterchangeRegistry registry, Clock clock) {
        this.outbox = outbox;
        this.partner = partner;
        this.numbers = numbers;
        this.registry = registry;
        this.clock = clock;
        this.documentType = partner.standard() == EdiStandard.EDIFACT ? "ORDRSP" : "855";
    }

    /** Whether the partner's profile asks for order responses at all. */
    boolean wanted() {
        return partner.documentsOut().contains(documentType);
    }

    void add(List<OrderResponse> responses) {
        if (responses.isEmpty() || !wanted()) {
            return;
        }
        if (file == null) {
            open();
        }
        long first = numbers.reserve(partner.partnerId(), ControlNumbers.Kind.MESSAGE, responses.size());
        SegmentWriter out = file.writer();
        if (partner.standard() == EdiStandard.EDIFACT) {
            OrderResponseWriter.writeOrdrspMessages(out, partner, responses, first, openedAt);
        } else {
            OrderResponseWriter.write855Sets(out, responses, first, openedAt);
        }
        messages += responses.size();
    }

    /** Closes the envelope and publishes the file; null if there was nothing to send. */
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
        registry.sent(partner.partnerId(), partner.standard(), interchangeNumber,
                partner.standard() == EdiStandard.X12 ? Long.toString(groupNumber) : null, documentType, messages,
                partner.ack() != AckType.NONE, written.getFileName().toString());
        file = null;
        return written;
    }

    private void open() {
        openedAt = ZonedDateTime.now(clock);
        long icn = numbers.next(partner.partnerId(), ControlNumbers.Kind.INTERCHANGE);
        if (partner.standard() == EdiStandard.EDIFACT) {
            interchangeNumber = Long.toString(icn);
            file = outbox.open(partner, documentType, interchangeNumber, EdiStandard.EDIFACT, "3");
            OutboundEnvelope.openEdifact(file.writer(), partner, interchangeNumber, openedAt, documentType);
        } else {
            interchangeNumber = OutboundEnvelope.x12InterchangeNumber(icn);
            groupNumber = numbers.next(partner.partnerId(), ControlNumbers.Kind.GROUP);
            String version = OutboundEnvelope.x12Version(partner);
            file = outbox.open(partner, documentType, interchangeNumber, EdiStandard.X12,
                    OutboundEnvelope.syntaxVersion(EdiStandard.X12, version));
            OutboundEnvelope.openX12(file.writer(), partner, version, interchangeNumber, openedAt);
            OutboundEnvelope.openGroup(file.writer(), partner, "PR", version, groupNumber, openedAt);
        }
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
