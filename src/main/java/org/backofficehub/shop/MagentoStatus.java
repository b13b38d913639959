package org.backofficehub.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

/**
 * Magento's REST API. Booked: a comment in the order's history (not shown to the customer) with the
 * ERP's order number. Shipped: a shipment of the whole order (no items named: Magento ships every
 * item left, as the ERP shipped the order) with the track, the customer notified.
 */
public final class MagentoStatus implements PlatformStatus {

    /** Carrier codes Magento ships with; any other carrier is a custom one, titled by its name. */
    private static final Set<String> CARRIERS = Set.of("ups", "usps", "fedex", "dhl");

    private final PlatformHttp http;
    private final ObjectMapper json;

    public MagentoStatus(PlatformHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public void booked(ShopProfile shop, StatusUpdate update) {
        ObjectNode body = json.createObjectNode();
        body.putObject("statusHistory").put("comment", update.bookingText()).put("is_customer_notified", 0)
                .put("is_visible_on_front", 0).put("parent_id", Long.parseLong(update.orderId()));
        post(shop, "/orders/" + update.orderId() + "/comments", body);
    }

    @Override
    public void shipped(ShopProfile shop, StatusUpdate update) {
        String code = update.carrier().toLowerCase(Locale.ROOT);
        ObjectNode body = json.createObjectNode().put("notify", true);
        body.putArray("tracks").addObject().put("track_number", update.trackingNumber() == null ? "" : update.trackingNumber())
                .put("title", update.carrier()).put("carrier_code", CARRIERS.contains(code) ? code : "custom");
        post(shop, "/order/" + update.orderId() + "/ship", body);
    }

    private void post(ShopProfile shop, String path, ObjectNode body) {
        try {
            http.send(shop, http.request(shop, path).header("Content-Type", "application/json")
                    .POST(PlatformHttp.json(json.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
