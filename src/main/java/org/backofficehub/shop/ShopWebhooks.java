package org.backofficehub.shop;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * The webhook route's steps before the signature: which shop a delivery is for (only configured,
 * enabled shops that take webhooks), and whether it is WooCommerce's creation ping, which carries no
 * signature and no order and must be answered 200 or WooCommerce will not save the webhook.
 */
public final class ShopWebhooks {

    private final ShopProfiles shops;

    public ShopWebhooks(ShopProfiles shops) {
        this.shops = shops;
    }

    /** The shop's key, once it is known to take webhooks; the route's dispatch uses nothing else of the URL. */
    public String shop(String key) {
        ShopProfile shop = shops.byKey(key == null ? "" : key)
                .orElseThrow(() -> new InputRejectedException(ProblemType.NOT_FOUND, "No shop '" + key + "' is configured (config/shops/)"));
        if (!shop.platform().sendsWebhooks()) {
            throw new InputRejectedException(ProblemType.NOT_FOUND, "Shop " + key + " is on " + shop.platform().id()
                    + ", which sends no order webhooks; its orders are pulled");
        }
        return shop.key();
    }

    /**
     * WooCommerce's ping on saving a webhook: a form body {@code webhook_id=N}, no topic, no
     * signature. Answering it books nothing, so it needs no verification.
     */
    public boolean isPing(Exchange exchange) {
        Message message = exchange.getMessage();
        ShopProfile shop = shops.byKey(message.getHeader(WebhookSignatures.SHOP, String.class)).orElseThrow();
        if (shop.platform() != Platform.WOOCOMMERCE || message.getHeader("X-WC-Webhook-Topic") != null) {
            return false;
        }
        // The embedded server reads a form body into headers (and leaves no body); as bytes it is the form itself.
        String formField = message.getHeader("webhook_id", String.class);
        if (formField != null) {
            return formField.matches("\\d+");
        }
        byte[] body = message.getBody(byte[].class);
        message.setBody(body);
        return body != null && body.length < 64 && new String(body, StandardCharsets.US_ASCII).trim().matches("webhook_id=\\d+");
    }

    /** 200, as WooCommerce wants before it saves the webhook. */
    public void answerPing(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody("{\"status\":\"PING\",\"booked\":false}".getBytes(StandardCharsets.UTF_8));
    }
}
