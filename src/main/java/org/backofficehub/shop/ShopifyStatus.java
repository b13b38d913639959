package org.backofficehub.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Shopify's Admin REST API. Booked: a metafield with the ERP's order number (the order's note and
 * tags belong to the merchant; a metafield in the hub's namespace overwrites nothing of theirs).
 * Shipped: the order's fulfillment orders still open, fulfilled by one fulfillment with the
 * tracking number; an order with none left open was fulfilled already, so a repeat does nothing.
 */
public final class ShopifyStatus implements PlatformStatus {

    /** Fulfillment order states that can still be fulfilled. */
    private static final Set<String> OPEN = Set.of("open", "in_progress", "scheduled");

    private final PlatformHttp http;
    private final ObjectMapper json;

    public ShopifyStatus(PlatformHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public void booked(ShopProfile shop, StatusUpdate update) {
        ObjectNode body = json.createObjectNode();
        body.putObject("metafield").put("namespace", "backoffice_hub").put("key", "erp_order_number")
                .put("value", update.erpOrderNumber()).put("type", "single_line_text_field");
        post(shop, "/orders/" + update.orderId() + "/metafields.json", body);
    }

    @Override
    public void shipped(ShopProfile shop, StatusUpdate update) {
        PlatformHttp.Answer answer = http.send(shop, http.request(shop, "/orders/" + update.orderId() + "/fulfillment_orders.json").GET());
        ObjectNode body = json.createObjectNode();
        ObjectNode fulfillment = body.putObject("fulfillment");
        ArrayNode orders = fulfillment.putArray("line_items_by_fulfillment_order");
        // Without fulfillment_order_line_items, each fulfillment order is fulfilled whole: the ERP shipped the order.
        for (JsonNode order : read(answer.body()).path("fulfillment_orders")) {
            if (OPEN.contains(order.path("status").asText())) {
                orders.addObject().put("fulfillment_order_id", order.path("id").asLong());
            }
        }
        if (orders.isEmpty()) {
            return;
        }
        ObjectNode tracking = fulfillment.putObject("tracking_info").put("company", update.carrier());
        if (update.trackingNumber() != null) {
            tracking.put("number", update.trackingNumber());
        }
        fulfillment.put("notify_customer", true);
        post(shop, "/fulfillments.json", body);
    }

    private void post(ShopProfile shop, String path, ObjectNode body) {
        try {
            http.send(shop, http.request(shop, path).header("Content-Type", "application/json")
                    .POST(PlatformHttp.json(json.writeValueAsBytes(body))));
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
