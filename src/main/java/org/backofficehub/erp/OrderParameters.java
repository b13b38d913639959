package org.backofficehub.erp;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.backofficehub.model.Address;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;
import org.backofficehub.model.PartyIdentifier;

/**
 * The canonical order's values under the names an ERP profile's booking statements use: the
 * order's header and its parties ({@link #HEADER}), and one line with everything of its order
 * ({@link #LINE}, so a flat table can repeat header fields on every line). The ship-to party is
 * where the goods go: the order's ship-to, else the buyer; without an address of its own it has
 * the buyer's.
 */
public final class OrderParameters implements ParameterValues {

    public static final Set<String> KEY = Set.of("source", "orderId");
    public static final Set<String> HEADER = union(KEY, Set.of("orderDate", "currency", "netTotal", "receivedAt", "lineCount",
            "buyerName", "buyerEmail", "buyerPhone", "buyerStreet", "buyerCity", "buyerPostalCode", "buyerRegion", "buyerCountry",
            "buyerIdScheme", "buyerId",
            "shipToName", "shipToEmail", "shipToPhone", "shipToStreet", "shipToCity", "shipToPostalCode", "shipToRegion",
            "shipToCountry", "shipToIdScheme", "shipToId"));
    /** A line's own values; with the header's and the ERP's order number they make {@link #LINE}. */
    public static final Set<String> LINE_OWN = Set.of("lineNumber", "sku", "description", "quantity", "unit", "unitPrice", "amount");
    public static final Set<String> LINE = union(union(HEADER, LINE_OWN), Set.of("erpOrderNumber"));

    private static final Address NO_ADDRESS = new Address(null, null, null, null);

    private final Order order;
    private final OrderLine line;
    private final String erpOrderNumber;
    private final Instant receivedAt;

    private OrderParameters(Order order, OrderLine line, String erpOrderNumber, Instant receivedAt) {
        this.order = order;
        this.line = line;
        this.erpOrderNumber = erpOrderNumber;
        this.receivedAt = receivedAt;
    }

    /** @param erpOrderNumber null until the ERP has given the order its number */
    public static OrderParameters of(Order order, String erpOrderNumber, Instant receivedAt) {
        return new OrderParameters(order, null, erpOrderNumber, receivedAt);
    }

    public OrderParameters line(OrderLine orderLine) {
        return new OrderParameters(order, orderLine, erpOrderNumber, receivedAt);
    }

    public OrderParameters numbered(String number) {
        return new OrderParameters(order, line, number, receivedAt);
    }

    public Order order() {
        return order;
    }

    @Override
    public Object value(String name) {
        return switch (name) {
            case "source" -> order.source();
            case "orderId" -> order.orderId();
            case "orderDate" -> order.orderDate();
            case "currency" -> order.currency();
            case "netTotal" -> order.netTotal();
            case "receivedAt" -> receivedAt;
            case "lineCount" -> order.lines().size();
            case "erpOrderNumber" -> erpOrderNumber;
            case "lineNumber" -> line == null ? null : line.lineNumber();
            case "sku" -> line == null ? null : line.sku();
            case "description" -> line == null ? null : line.description();
            case "quantity" -> line == null ? null : line.quantity();
            case "unit" -> line == null ? null : line.unit();
            case "unitPrice" -> line == null ? null : line.unitPrice();
            case "amount" -> line == null ? null : line.amount();
            default -> name.startsWith("buyer") ? party(order.buyer(), billing(), name.substring(5))
                    : name.startsWith("shipTo") ? party(order.deliveryParty(), shipping(), name.substring(6)) : null;
        };
    }

    private Address billing() {
        return order.buyer().address() != null ? order.buyer().address() : NO_ADDRESS;
    }

    private Address shipping() {
        return order.deliveryParty().address() != null ? order.deliveryParty().address() : billing();
    }

    private static Object party(Party party, Address address, String field) {
        PartyIdentifier id = party.identifier();
        return switch (field) {
            case "Name" -> party.name();
            case "Email" -> party.email();
            case "Phone" -> party.phone();
            case "Street" -> address.street();
            case "City" -> address.city();
            case "PostalCode" -> address.postalCode();
            case "Region" -> address.region();
            case "Country" -> address.country();
            case "IdScheme" -> id == null ? null : id.scheme().name();
            case "Id" -> id == null ? null : id.value();
            default -> null;
        };
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
