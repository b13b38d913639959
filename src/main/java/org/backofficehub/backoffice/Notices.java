package org.backofficehub.backoffice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.backofficehub.accounting.Invoice;
import org.backofficehub.accounting.Invoicing.Issued;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.outbound.OutboundMessage;

/**
 * The follow-up's step for the web store: what became of its orders (booked, rejected, confirmed
 * with the ERP's own number, invoiced, shipped) and the stock of what was booked, as notices of one
 * JSON object each. {@code noticeId} is stable for what it reports (booked:SOURCE:ORDER,
 * confirmed:SOURCE:ORDER, invoiced:INVOICE, shipped:SHIPMENT), so a
 * receiver recognises a repeat. Nothing is queued unless the web store has a callback URL.
 */
public final class Notices {

    public static final String STOCK = "stock";

    private final ObjectMapper json;
    private final Clock clock;
    private final boolean wanted;
    private final boolean stockLevels;

    /** @param wanted whether the web store receives notices ({@code hub.webstore.callback-url} is set) */
    public Notices(ObjectMapper json, Clock clock, boolean wanted) {
        this(json, clock, wanted, true);
    }

    /**
     * @param wanted whether anyone receives these notices
     * @param stockLevels whether the stock of what was booked is among them (the web store's callbacks);
     *                    the events published to Kafka are about orders only
     */
    public Notices(ObjectMapper json, Clock clock, boolean wanted, boolean stockLevels) {
        this.json = json;
        this.clock = clock;
        this.wanted = wanted;
        this.stockLevels = stockLevels;
    }

    /** @param routeId the route that delivers them to the web store */
    public void queue(FollowUpBatch batch, String routeId) {
        if (!wanted) {
            return;
        }
        Set<String> skus = new LinkedHashSet<>();
        for (OrderEvents.Stored stored : batch.events()) {
            OrderEvent event = stored.event();
            switch (event.kind()) {
                case OrderEvent.BOOKED -> {
                    batch.owe(booked(routeId, event.order(), event.erpOrderNumber()));
                    event.order().lines().stream().map(OrderLine::sku).forEach(skus::add);
                }
                case OrderEvent.REJECTED -> batch.owe(rejected(routeId, event.order(), event.reason()));
                case OrderEvent.CONFIRMED -> batch.owe(confirmed(routeId, event.order(), event.erpOrderNumber()));
                case OrderEvent.SHIPPED -> batch.owe(shipped(routeId, event.order(), event.shipment()));
                default -> throw new IllegalStateException("Unknown order event " + event.kind());
            }
        }
        for (Issued issued : batch.invoices()) {
            batch.owe(invoiced(routeId, issued.invoice()));
        }
        if (stockLevels && !skus.isEmpty()) {
            batch.owe(stock(routeId, skus));
        }
    }

    OutboundMessage booked(String routeId, Order order, String erpOrderNumber) {
        ObjectNode notice = aboutOrder("booked", "booked:" + order.source() + ":" + order.orderId(), order);
        notice.put("erpOrderNumber", erpOrderNumber).put("status", "BOOKED");
        return message(routeId, "booked", notice);
    }

    /** The ERP's own number for an order the booked notice named by the reference the ERP held it under until then. */
    OutboundMessage confirmed(String routeId, Order order, String erpOrderNumber) {
        ObjectNode notice = aboutOrder("confirmed", "confirmed:" + order.source() + ":" + order.orderId(), order);
        notice.put("erpOrderNumber", erpOrderNumber).put("status", "BOOKED");
        return message(routeId, "confirmed", notice);
    }

    OutboundMessage rejected(String routeId, Order order, String reason) {
        ObjectNode notice = aboutOrder("rejected", "rejected:" + order.source() + ":" + order.orderId() + ":" + UUID.randomUUID(), order);
        notice.put("status", "REJECTED").put("reason", reason);
        return message(routeId, "rejected", notice);
    }

    OutboundMessage invoiced(String routeId, Invoice invoice) {
        ObjectNode notice = json.createObjectNode().put("noticeId", "invoiced:" + invoice.invoiceNumber()).put("event", "invoiced")
                .put("at", clock.instant().toString()).put("source", invoice.order().source()).put("orderId", invoice.order().orderId())
                .put("erpOrderNumber", invoice.erpOrderNumber()).put("status", "INVOICED")
                .put("invoiceNumber", invoice.invoiceNumber()).put("issuedOn", invoice.issuedOn().toString())
                .put("currency", invoice.currency()).put("net", invoice.netTotal()).put("tax", invoice.taxTotal())
                .put("gross", invoice.grossTotal());
        return message(routeId, "invoiced", notice);
    }

    OutboundMessage shipped(String routeId, Order order, Shipment shipment) {
        ObjectNode notice = aboutOrder("shipped", "shipped:" + shipment.shipmentNumber(), order);
        notice.put("erpOrderNumber", shipment.erpOrderNumber()).put("status", "SHIPPED")
                .put("shipmentNumber", shipment.shipmentNumber()).put("carrier", shipment.carrier())
                .put("trackingNumber", shipment.trackingNumber()).put("shippedOn", shipment.shippedOn().toString());
        return message(routeId, "shipped", notice);
    }

    /** The stock of these items; the levels are read from the ERP when the notice is sent. */
    OutboundMessage stock(String routeId, Collection<String> skus) {
        ObjectNode notice = json.createObjectNode().put("noticeId", "stock:" + UUID.randomUUID()).put("event", "stock")
                .put("at", clock.instant().toString());
        skus.forEach(notice.putArray("skus")::add);
        return message(routeId, STOCK, notice);
    }

    private ObjectNode aboutOrder(String event, String noticeId, Order order) {
        return json.createObjectNode().put("noticeId", noticeId).put("event", event).put("at", clock.instant().toString())
                .put("source", order.source()).put("orderId", order.orderId());
    }

    private OutboundMessage message(String routeId, String kind, ObjectNode notice) {
        try {
            return OutboundMessage.of(routeId, kind, notice.get("noticeId").asText(), json.writeValueAsBytes(notice));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
