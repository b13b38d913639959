package org.backofficehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.backofficehub.model.Booking;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;

/**
 * Answers a web-store POST: 201 for a new booking, 200 with the same ERP number for a repeat, 202
 * with a tracking id when its route is in batch mode (the order is safe and is booked on schedule).
 * An order the ERP refused is a problem answer (422).
 */
public final class OrderReply implements Processor {

    private final ObjectMapper mapper;

    public OrderReply(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        OrderAnswer answer = ((List<OrderAnswer>) exchange.getMessage().getMandatoryBody(List.class)).get(0);
        if (answer.refusal() != null) {
            throw answer.refusalToThrow();
        }
        Order order = answer.order();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("orderId", order.orderId());
        reply.put("source", order.source());
        int status;
        if (answer.isStaged()) {
            reply.put("trackingId", answer.trackingId());
            reply.put("status", "STAGED");
            status = 202;
        } else {
            Booking booking = answer.booking();
            reply.put("erpOrderNumber", booking.erpOrderNumber());
            reply.put("status", booking.status().name());
            reply.put("alreadyBooked", booking.alreadyBooked());
            status = booking.alreadyBooked() ? 200 : 201;
        }
        JsonReply.write(exchange.getMessage(), status, mapper.writeValueAsBytes(reply));
        // The web store's orders are the default source; another shop's order 1001 is not the web store's.
        exchange.getMessage().setHeader("Location", "/api/orders/" + pathSegment(order.orderId()) + (Order.WEBSTORE.equals(order.source()) ? ""
                : "?source=" + URLEncoder.encode(order.source(), StandardCharsets.UTF_8)));
    }

    /**
     * An order id as one path segment (RFC 3986 3.3): a partner's "PO 12/7" must not end the path
     * early, and no character of any id can break the header (a line break once made every answer
     * about an order a 500).
     */
    static String pathSegment(String id) {
        StringBuilder segment = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                segment.append(c);
            } else {
                segment.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return segment.toString();
    }
}
