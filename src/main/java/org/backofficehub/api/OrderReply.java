package org.backofficehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
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
        exchange.getMessage().setHeader("Location", "/api/orders/" + order.orderId() + (Order.WEBSTORE.equals(order.source()) ? ""
                : "?source=" + java.net.URLEncoder.encode(order.source(), java.nio.charset.StandardCharsets.UTF_8)));
    }
}
