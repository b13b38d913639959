package org.backofficehub.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.backofficehub.model.Address;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;

/** Small canonical orders against the demo catalogue, for tests that need many of them. */
public final class TestOrders {

    private TestOrders() {
    }

    public static Order order(String orderId, String sku, int quantity) {
        return order(orderId, List.of(new OrderLine(1, sku, null, BigDecimal.valueOf(quantity), new BigDecimal("6.50"))));
    }

    public static Order order(String orderId, List<OrderLine> lines) {
        Party buyer = new Party("Test Buyer", "buyer@example.com", null, new Address("Street 1", "Berlin", "10115", "DE"));
        return new Order(Order.WEBSTORE, orderId, LocalDate.of(2026, 11, 23), "EUR", buyer, null, lines);
    }

    public static String webOrderJson(String orderId, String sku, int quantity) {
        return """
                {"orderId":"%s","orderDate":"2026-11-23","currency":"EUR",
                 "customer":{"name":"Load Tester","email":"load@example.com",
                             "billingAddress":{"street":"Street 1","city":"Berlin","postalCode":"10115","country":"DE"}},
                 "lines":[{"sku":"%s","quantity":%d,"unitPrice":6.50}]}""".formatted(orderId, sku, quantity);
    }
}
