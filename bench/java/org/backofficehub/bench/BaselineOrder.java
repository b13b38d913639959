package org.backofficehub.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.backofficehub.model.Address;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;

/**
 * Benchmark baseline: the canonical order the sample would translate to, built without reading
 * the body at all, so the baseline routes measure everything but translation. The order id comes
 * from the X-Order-Id header (HTTP) or the file name (inbox).
 */
public final class BaselineOrder implements Processor {

    // Field for field what HubBenchmark.webOrder translates to, so both routes write the same rows.
    private static final Party BUYER = new Party("Anna Müller", "anna.muller@example.com", "+49 30 1234567",
            new Address("Hauptstraße 5", "Berlin", "10115", "DE"));
    private static final Party SHIP_TO = new Party("Kaffeehaus Mitte", null, null,
            new Address("Torstraße 101", "Berlin", "10119", "DE"));
    private static final List<OrderLine> LINES = List.of(
            new OrderLine(1, "SKU-1001", "Espresso cup, white porcelain", BigDecimal.ONE, new BigDecimal("6.50")),
            new OrderLine(2, "SKU-2001", null, BigDecimal.ONE, new BigDecimal("18.40")));

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String orderId = message.getHeader("X-Order-Id", String.class);
        if (orderId == null) {
            String fileName = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
            orderId = fileName.substring(0, fileName.lastIndexOf('.'));
        }
        message.setBody(List.of(sample(orderId)));
    }

    /** The canonical order HubBenchmark.webOrder(orderId) translates to. */
    static Order sample(String orderId) {
        return new Order(Order.WEBSTORE, orderId, LocalDate.of(2026, 11, 23), "EUR", BUYER, SHIP_TO, LINES);
    }
}
