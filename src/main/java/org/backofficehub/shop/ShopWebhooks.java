package org.backofficehub.shop;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.util.CamelWrapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook route's steps around the signature and the intake: which shop a delivery is for (only
 * configured, enabled shops that take webhooks), whether it is WooCommerce's creation ping, which
 * carries no signature and no order and must be answered 200 or WooCommerce will not save the
 * webhook, and, once verified, what the hub did not take kept as a failure record.
 */
public final class ShopWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(ShopWebhooks.class);
    /** The exchange property that holds a verified delivery's body, as the platform signed it. */
    public static final String PLATFORM_ORDER = "hubPlatformOrder";

    private final ShopProfiles shops;
    private final ShopOrderFailures failures;

    public ShopWebhooks(ShopProfiles shops, ShopOrderFailures failures) {
        this.shops = shops;
        this.failures = failures;
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

    /**
     * After the shop's intake answered a verified delivery with a problem (route configuration shop-problems): if it refused the order (an unknown SKU,
     * the schema, the mapping) or failed on it unexpectedly, the platform's bytes and the reason
     * become a failure record (kind shop-order), replayed through the shop's intake once the cause
     * is fixed, since WooCommerce never delivers a webhook again and Shopify re-sends the same bytes,
     * which fail the same way. The platform is still answered with the problem, so the shop's admin
     * sees it. A 503 (the ERP or the hub store unavailable, the hub stopping) is not recorded: it
     * passes by itself, and the platform is told to deliver again.
     */
    public void keepRefused(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        byte[] order = exchange.getProperty(PLATFORM_ORDER, byte[].class);
        // No delivery (a replay through the intake): the failure it came from is still on record.
        if (order == null || status < 400 || status == 503) {
            return;
        }
        ShopProfile shop = shops.byKey(exchange.getProperty(WebhookSignatures.SHOP, String.class)).orElseThrow();
        // Always set here (an exception handled by shop-problems); the refusal's own type and words are the reason.
        Throwable caught = CamelWrapping.unwrap(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        String problem = caught == null ? "processing-failed" : ShopOrderFailures.problem(caught);
        String reason = caught == null ? "answered " + status : String.valueOf(caught.getMessage());
        long id = failures.record(shop, order, problem, reason, "delivered by webhook of");
        LOG.warn("Order {} delivered by webhook of shop {} was refused ({}, answered {}), recorded as failure {}: {}",
                failures.orderId(shop, order), shop.key(), problem, status, id, reason);
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
