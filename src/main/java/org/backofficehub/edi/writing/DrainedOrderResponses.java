package org.backofficehub.edi.writing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.backofficehub.edi.OrderResponse;
import org.backofficehub.edi.partners.ControlNumbers;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;

/**
 * Order responses for EDI orders that were staged in batch mode: when a drain books or refuses
 * them, each partner gets its ORDRSP/855 for them, as it would have in real time.
 */
public final class DrainedOrderResponses {

    private static final Logger LOG = LoggerFactory.getLogger(DrainedOrderResponses.class);

    private final PartnerProfiles profiles;
    private final Outbox outbox;
    private final ControlNumbers numbers;
    private final InterchangeRegistry registry;
    private final Clock clock;

    public DrainedOrderResponses(PartnerProfiles profiles, Outbox outbox, ControlNumbers numbers, InterchangeRegistry registry,
                                 Clock clock) {
        this.profiles = profiles;
        this.outbox = outbox;
        this.numbers = numbers;
        this.registry = registry;
        this.clock = clock;
    }

    /** Sends each partner the order responses for its orders among these; other senders' orders get none. */
    public void answer(List<OrderAnswer> answers) {
        Map<PartnerProfile, List<OrderResponse>> byPartner = new LinkedHashMap<>();
        for (OrderAnswer answer : answers) {
            Order order = answer.order();
            Optional<PartnerProfile> partner = profiles.byId(order.source());
            if (partner.isEmpty() || answer.isStaged()) {
                continue; // not an EDI partner's order: the web store and XML senders get no ORDRSP
            }
            byPartner.computeIfAbsent(partner.get(), p -> new ArrayList<>()).add(OrderResponse.answering(answer));
        }
        byPartner.forEach((partner, responses) -> {
            try (OrderResponseDocument document = new OrderResponseDocument(outbox, partner, numbers, registry, clock)) {
                document.add(responses);
                if (document.finish() != null) {
                    LOG.info("Sent {} order response(s) to {} after the drain", responses.size(), partner.partnerId());
                }
            }
        });
    }
}
