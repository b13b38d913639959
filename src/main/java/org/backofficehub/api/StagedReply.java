package org.backofficehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.backofficehub.batch.StageOrder;
import org.backofficehub.model.Order;

/** Answers a web-store POST in batch mode: 202, the order is safe and will be booked on schedule. */
public final class StagedReply implements Processor {

    private final ObjectMapper mapper;

    public StagedReply(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Order order = message.getMandatoryBody(Order.class);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("orderId", order.orderId());
        reply.put("source", order.source());
        reply.put("trackingId", message.getHeader(StageOrder.TRACKING_ID));
        reply.put("status", "STAGED");
        JsonReply.write(message, 202, mapper.writeValueAsBytes(reply));
        message.setHeader("Location", "/api/orders/" + order.orderId());
    }
}
