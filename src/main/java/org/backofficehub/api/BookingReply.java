package org.backofficehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.backofficehub.model.Booking;

/** Answers a web-store POST: 201 for a new booking, 200 with the same ERP number for a repeat. */
public final class BookingReply implements Processor {

    private final ObjectMapper mapper;

    public BookingReply(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Booking booking = exchange.getMessage().getMandatoryBody(Booking.class);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("orderId", booking.order().orderId());
        reply.put("source", booking.order().source());
        reply.put("erpOrderNumber", booking.erpOrderNumber());
        reply.put("status", booking.status().name());
        reply.put("alreadyBooked", booking.alreadyBooked());
        var message = exchange.getMessage();
        JsonReply.write(message, booking.alreadyBooked() ? 200 : 201, mapper.writeValueAsBytes(reply));
        message.setHeader("Location", "/api/orders/" + booking.order().orderId());
    }
}
