package org.backofficehub.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Shopware's Admin API. Booked: the order's state goes to in progress (transition process).
 * Shipped: the order's delivery gets the tracking code and its state goes to shipped (transition
 * ship). The delivery is looked up by the order's id.
 */
public final class ShopwareStatus implements PlatformStatus {

    private final PlatformHttp http;
    private final ShopwareTokens tokens;
    private final ObjectMapper json;

    public ShopwareStatus(PlatformHttp http, ShopwareTokens tokens, ObjectMapper json) {
        this.http = http;
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public void booked(ShopProfile shop, StatusUpdate update) {
        send(shop, "POST", "/_action/order/" + update.orderId() + "/state/process", json.createObjectNode());
    }

    @Override
    public void shipped(ShopProfile shop, StatusUpdate update) {
        ObjectNode search = json.createObjectNode().put("limit", 1);
        search.putArray("filter").addObject().put("type", "equals").put("field", "orderId").put("value", update.orderId());
        JsonNode found = read(send(shop, "POST", "/search/order-delivery", search).body());
        String deliveryId = found.path("data").path(0).path("id").asText("");
        if (deliveryId.isEmpty()) {
            throw new PlatformCallException("Shop " + shop.key() + " has no delivery for order " + update.orderId(), 404, null);
        }
        if (update.trackingNumber() != null) {
            ObjectNode tracking = json.createObjectNode();
            tracking.putArray("trackingCodes").add(update.trackingNumber());
            send(shop, "PATCH", "/order-delivery/" + deliveryId, tracking);
        }
        send(shop, "POST", "/_action/order_delivery/" + deliveryId + "/state/ship", json.createObjectNode());
    }

    private PlatformHttp.Answer send(ShopProfile shop, String method, String path, ObjectNode body) {
        try {
            return http.send(shop, tokens.authorized(shop, http.request(shop, path).header("Content-Type", "application/json")
                    .method(method, PlatformHttp.json(json.writeValueAsBytes(body)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
