package org.backofficehub.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The canonical order every channel translates to: the web store's JSON, XML documents and,
 * later, EDI. {@code source} names who issued {@code orderId}, so that the pair identifies an
 * order across channels (the web store and a trading partner may both use "1001").
 */
public record Order(
        String source,
        String orderId,
        LocalDate orderDate,
        String currency,
        Party buyer,
        Party shipTo,
        List<OrderLine> lines) {

    public static final String WEBSTORE = "WEBSTORE";

    public Order {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(buyer, "buyer");
        lines = List.copyOf(lines);
    }

    public OrderKey key() {
        return new OrderKey(source, orderId);
    }

    /** Sum of the line amounts; tax is the accounting system's business, not the order's. */
    public BigDecimal netTotal() {
        return lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Where the goods go: the explicit ship-to party, else the buyer. */
    public Party deliveryParty() {
        return shipTo != null ? shipTo : buyer;
    }
}
