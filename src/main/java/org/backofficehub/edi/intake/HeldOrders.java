package org.backofficehub.edi.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.erp.ResolvedOrders;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.store.FailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders the catalogue could not settle, for partners whose profile says {@code unsettled = hold}:
 * kept as failures (kind {@value #KIND}, the canonical order as payload) for an administrator to
 * correct and replay, instead of being refused in the order response at once. Replayed, the order
 * is settled and booked, and its response sent then. Other partners' refusals pass through.
 */
public final class HeldOrders {

    public static final String KIND = "held-order";
    private static final Logger LOG = LoggerFactory.getLogger(HeldOrders.class);

    private final PartnerProfiles profiles;
    private final FailureLog failures;
    private final ObjectMapper canonicalJson;

    public HeldOrders(PartnerProfiles profiles, FailureLog failures, ObjectMapper canonicalJson) {
        this.profiles = profiles;
        this.failures = failures;
        this.canonicalJson = canonicalJson;
    }

    /** The same orders with the refusals this partner's profile holds taken out (and recorded). */
    public ResolvedOrders hold(ResolvedOrders resolved, String partnerId, String fileName) {
        boolean holds = profiles.byId(partnerId).map(PartnerProfile::orders).map(policy -> policy.holdUnsettled()).orElse(false);
        if (!holds || resolved.refused().isEmpty()) {
            return resolved;
        }
        List<OrderAnswer> answered = new ArrayList<>();
        for (OrderAnswer refused : resolved.refused()) {
            try {
                long id = failures.record("inbox-files", KIND, refused.refusal().type().slug(), "order " + refused.order().orderId()
                        + " from " + partnerId + " held for correction: " + refused.refusal().getMessage(), fileName,
                        canonicalJson.writeValueAsBytes(refused.order()));
                LOG.warn("Held order {} from {} as failure {}: {}", refused.order().orderId(), partnerId, id, refused.refusal().getMessage());
            } catch (JsonProcessingException e) {
                answered.add(refused); // cannot be kept as data: refused in the response as with respond
            }
        }
        return new ResolvedOrders(resolved.bookable(), answered);
    }
}
