package org.backofficehub.backoffice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import org.backofficehub.accounting.Invoice;
import org.backofficehub.model.Order;
import org.backofficehub.outbound.OutboundMessage;
import org.backofficehub.outbound.WebStoreCallback;

/**
 * The web store's notices, one JSON object each. {@code noticeId} is stable for what it reports
 * (booked:SOURCE:ORDER, invoiced:INVOICE, shipped:SHIPMENT), so a receiver recognises a repeat.
 */
public final class Notices {

    public static final String ROUTE_ID = "webstore-notices";

    private final ObjectMapper json;
    private final Clock clock;

    public Notices(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public OutboundMessage booked(Order order, String erpOrderNumber) {
        ObjectNode notice = aboutOrder("booked", "booked:" + order.source() + ":" + order.orderId(), order);
        notice.put("erpOrderNumber", erpOrderNumber).put("status", "BOOKED");
        return message("booked", notice);
    }

    public OutboundMessage rejected(Order order, String reason) {
        ObjectNode notice = aboutOrder("rejected", "rejected:" + order.source() + ":" + order.orderId() + ":" + UUID.randomUUID(), order);
        notice.put("status", "REJECTED").put("reason", reason);
        return message("rejected", notice);
    }

    public OutboundMessage invoiced(Invoice invoice) {
        ObjectNode notice = json.createObjectNode().put("noticeId", "invoiced:" + invoice.invoiceNumber()).put("event", "invoiced")
                .put("at", clock.instant().toString()).put("source", invoice.order().source()).put("orderId", invoice.order().orderId())
                .put("erpOrderNumber", invoice.erpOrderNumber()).put("status", "INVOICED")
                .put("invoiceNumber", invoice.invoiceNumber()).put("issuedOn", invoice.issuedOn().toString())
                .put("currency", invoice.currency()).put("net", invoice.netTotal()).put("tax", invoice.taxTotal())
                .put("gross", invoice.grossTotal());
        return message("invoiced", notice);
    }

    public OutboundMessage shipped(Order order, Shipment shipment) {
        ObjectNode notice = aboutOrder("shipped", "shipped:" + shipment.shipmentNumber(), order);
        notice.put("erpOrderNumber", shipment.erpOrderNumber()).put("status", "SHIPPED")
                .put("shipmentNumber", shipment.shipmentNumber()).put("carrier", shipment.carrier())
                .put("trackingNumber", shipment.trackingNumber()).put("shippedOn", shipment.shippedOn().toString());
        return message("shipped", notice);
    }

    /** The stock of these items; the levels are read from the ERP when the notice is sent. */
    public OutboundMessage stock(Collection<String> skus) {
        ObjectNode notice = json.createObjectNode().put("noticeId", "stock:" + UUID.randomUUID()).put("event", "stock")
                .put("at", clock.instant().toString());
        skus.forEach(notice.putArray("skus")::add);
        return message(WebStoreCallback.STOCK, notice);
    }

    private ObjectNode aboutOrder(String event, String noticeId, Order order) {
        return json.createObjectNode().put("noticeId", noticeId).put("event", event).put("at", clock.instant().toString())
                .put("source", order.source()).put("orderId", order.orderId());
    }

    private OutboundMessage message(String kind, ObjectNode notice) {
        try {
            return OutboundMessage.of(ROUTE_ID, kind, notice.get("noticeId").asText(), json.writeValueAsBytes(notice));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
