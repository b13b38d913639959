package org.backofficehub.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;

/**
 * WooCommerce's REST API (core, no paid extension). Booked: a private order note with the ERP's
 * order number. Shipped: the order's status set to completed, and a note to the customer naming
 * carrier and tracking number (customer_note: WooCommerce e-mails it).
 */
public final class WooCommerceStatus implements PlatformStatus {

    private final PlatformHttp http;
    private final ObjectMapper json;

    public WooCommerceStatus(PlatformHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public void booked(ShopProfile shop, StatusUpdate update) {
        note(shop, update.orderId(), update.bookingText(), false);
    }

    @Override
    public void shipped(ShopProfile shop, StatusUpdate update) {
        send(shop, "/orders/" + update.orderId(), "PUT", json.createObjectNode().put("status", "completed"));
        note(shop, update.orderId(), update.shipmentText(), true);
    }

    private void note(ShopProfile shop, String orderId, String text, boolean toCustomer) {
        send(shop, "/orders/" + orderId + "/notes", "POST", json.createObjectNode().put("note", text).put("customer_note", toCustomer));
    }

    private void send(ShopProfile shop, String path, String method, ObjectNode body) {
        try {
            HttpRequest.BodyPublisher publisher = PlatformHttp.json(json.writeValueAsBytes(body));
            http.send(shop, http.request(shop, path).header("Content-Type", "application/json").method(method, publisher));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
