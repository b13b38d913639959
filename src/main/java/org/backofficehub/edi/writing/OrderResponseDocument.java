package org.backofficehub.edi.writing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.OrderResponse;
import org.backofficehub.edi.partners.ControlNumbers;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfile;

/**
 * The order responses for one inbound interchange, written as its orders are booked: one
 * outbound interchange of ORDRSP or 855 messages, if the partner's profile asks for them.
 */
public final class OrderResponseDocument implements AutoCloseable {

    private final PartnerProfile partner;
    private final OutboundInterchange interchange;
    private final boolean wanted;

    public OrderResponseDocument(Outbox outbox, PartnerProfile partner, ControlNumbers numbers, InterchangeRegistry registry, Clock clock) {
        this(outbox, partner, numbers, registry, clock, false);
    }

    /** @param test answering a test interchange: the responses go out as a test interchange too */
    public OrderResponseDocument(Outbox outbox, PartnerProfile partner, ControlNumbers numbers, InterchangeRegistry registry, Clock clock,
                                 boolean test) {
        this.partner = partner;
        String documentType = partner.standard() == EdiStandard.EDIFACT ? "ORDRSP" : "855";
        this.wanted = partner.documentsOut().contains(documentType);
        this.interchange = new OutboundInterchange(outbox, partner, numbers, registry, clock, documentType, "PR", test);
    }

    public void add(List<OrderResponse> responses) {
        if (!wanted) {
            return;
        }
        interchange.carrying(responses.stream().map(response -> response.order().key()).toList());
        interchange.write(responses.size(), (out, first, now) -> {
            if (partner.standard() == EdiStandard.EDIFACT) {
                OrderResponseWriter.writeOrdrspMessages(out, partner, responses, first, now);
            } else {
                OrderResponseWriter.write855Sets(out, responses, first, now);
            }
        });
    }

    /** The partner's interchange these responses answer (its control number), for tracking. */
    public OrderResponseDocument answering(String controlNumber) {
        interchange.inReplyTo(controlNumber);
        return this;
    }

    /** Publishes the responses; null if there were none. */
    public Path finish() {
        return interchange.finish();
    }

    @Override
    public void close() {
        interchange.close();
    }
}
