package org.backofficehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.erp.ErpOrder;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;

/**
 * Serves orders as the ERP holds them: {@code GET /api/orders/{orderId}} (web-store orders, or
 * {@code ?source=}) and {@code GET /api/orders?source=&orderId=} (also spelled
 * {@code partner=&documentNumber=}, as EDI people say).
 */
public final class OrderLookup {

    private static final int MAX_LISTED = 100;

    private final ErpOrderReader erp;
    private final ObjectMapper mapper;

    public OrderLookup(ErpOrderReader erp, ObjectMapper mapper) {
        this.erp = erp;
        this.mapper = mapper;
    }

    public void showOne(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String orderId = message.getHeader("orderId", String.class);
        String source = firstOf(message, "source", "partner", Order.WEBSTORE);
        List<ErpOrder> found = erp.find(source, orderId, 1);
        if (found.isEmpty()) {
            throw new InputRejectedException(ProblemType.ORDER_NOT_FOUND, "No order " + orderId + " from " + source + " is booked in the ERP");
        }
        reply(message, OrderView.of(found.get(0)));
    }

    public void search(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String source = firstOf(message, "source", "partner", Order.WEBSTORE);
        String orderId = firstOf(message, "orderId", "documentNumber", null);
        List<OrderView> views = erp.find(source, orderId, MAX_LISTED).stream().map(OrderView::of).toList();
        reply(message, views);
    }

    private void reply(Message message, Object body) throws Exception {
        JsonReply.write(message, 200, mapper.writeValueAsBytes(body));
    }

    private static String firstOf(Message message, String name, String alias, String fallback) {
        String value = message.getHeader(name, String.class);
        if (value == null || value.isBlank()) {
            value = message.getHeader(alias, String.class);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
