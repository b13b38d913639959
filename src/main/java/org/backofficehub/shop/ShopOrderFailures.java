package org.backofficehub.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.backofficehub.erp.ErpUnavailableException;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.store.FailureLog;
import org.backofficehub.store.GroupCommitUnavailableException;
import org.backofficehub.store.HubStoreException;

/**
 * A shop's order the hub did not take, pulled or delivered by webhook: a failure record of kind
 * {@code shop-order} with the platform's bytes as they came and the reason, so that nothing a shop
 * sent is lost and the administrator can replay it through the shop's intake (ShopOrderReplays)
 * once the cause (an item, the mapping) is fixed.
 */
public final class ShopOrderFailures {

    private final FailureLog failures;
    private final ObjectMapper json;

    public ShopOrderFailures(FailureLog failures, ObjectMapper json) {
        this.failures = failures;
        this.json = json;
    }

    /**
     * Whether a failure will pass by itself (the ERP, the hub store or the platform unreachable, the
     * hub stopping): then the order is taken again as it is, and a failure record would only be a
     * copy to clean up. Anything else (a refusal, a mapping that throws on this order, a defect)
     * fails the same way every time, so it is recorded and the shop's other orders go on.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ErpUnavailableException || cause instanceof HubStoreException
                    || cause instanceof GroupCommitUnavailableException || cause instanceof PlatformCallException) {
                return true;
            }
            if (cause instanceof InputRejectedException) {
                return false;
            }
        }
        return false;
    }

    /** The problem slug a failure is recorded under: the refusal's type, else processing-failed. */
    public static String problem(Throwable reason) {
        return reason instanceof InputRejectedException rejected ? rejected.type().slug() : "processing-failed";
    }

    /** Records the platform's order; {@code how} says how it came ("pulled from", "delivered by webhook of"). */
    public long record(ShopProfile shop, byte[] platformOrder, String problem, String reason, String how) {
        String orderId = orderId(shop, platformOrder);
        return failures.record(ShopPulls.intakeRouteId(shop), ShopPulls.FAILURE_KIND, problem,
                "Order " + orderId + " " + how + " shop " + shop.key() + ": " + reason, shop.key() + "-order-" + orderId + ".json",
                platformOrder);
    }

    /** The platform's id of the order, for the record's reason and file name; the bytes are kept whatever they hold. */
    public String orderId(ShopProfile shop, byte[] platformOrder) {
        try {
            com.fasterxml.jackson.databind.JsonNode order = json.readTree(platformOrder);
            // Shopware's webhook wraps the order in its event envelope.
            if (order.has("data") && order.path("data").path("payload").has("order")) {
                order = order.path("data").path("payload").path("order");
            }
            return order.path(shop.platform() == Platform.MAGENTO ? "entity_id" : "id").asText("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
