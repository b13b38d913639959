package org.backofficehub.erp;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ItemIdentifier;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.ProblemType;
import org.backofficehub.model.UnitOfMeasure;

/**
 * The ERP's item catalogue as trading partners' orders need it before booking: each line's item
 * found by the supplier's number (ours), else by its GS1 number (the item master's GTIN), else by
 * the buyer's own number (the partner's cross-reference), in that order; the list price where the
 * order sends none; the ordered unit checked against the unit the item is sold in; and the order's
 * currency and lines present. An order it cannot settle is refused for the order response to say
 * so, not booked.
 */
public final class ItemCatalogue {

    private final DataSource erp;
    private final NamedSql byNumber;
    private final NamedSql byGtin;
    private final NamedSql crossReference;
    private final String listPriceCurrency;

    /**
     * With the profile's {@code item.by-number}, {@code item.by-gtin} and {@code item.cross-reference}
     * (without it, buyers' item numbers find nothing).
     *
     * @param listPriceCurrency the currency of the item master's list prices (ISO 4217)
     */
    public ItemCatalogue(DataSource erp, ErpProfile profile, String listPriceCurrency) {
        this.erp = erp;
        this.byNumber = profile.statement(ErpStatement.ITEM_BY_NUMBER);
        this.byGtin = profile.statement(ErpStatement.ITEM_BY_GTIN);
        this.crossReference = profile.optional(ErpStatement.ITEM_CROSS_REFERENCE).orElse(null);
        this.listPriceCurrency = listPriceCurrency;
    }

    /** The orders' lines resolved against the catalogue (one round of queries for all of them). */
    public ResolvedOrders resolve(List<Order> orders, String partnerId) {
        if (orders.stream().allMatch(ItemCatalogue::settled) && orders.stream().allMatch(o -> o.currency() != null && !o.lines().isEmpty())) {
            return new ResolvedOrders(orders, List.of());
        }
        Set<String> numbers = new LinkedHashSet<>();
        Set<String> gtins = new LinkedHashSet<>();
        Set<String> buyerNumbers = new LinkedHashSet<>();
        for (Order order : orders) {
            for (OrderLine line : order.lines()) {
                if (line.sku() != null) {
                    numbers.add(line.sku());
                }
                for (ItemIdentifier id : line.itemIds()) {
                    switch (id.kind()) {
                        case SUPPLIER -> numbers.add(id.value());
                        case GTIN -> {
                            if (id.gtin14() != null) {
                                gtins.add(id.gtin14());
                            }
                        }
                        case BUYER -> buyerNumbers.add(id.value());
                        case OTHER -> {
                        }
                    }
                }
            }
        }
        Lookup lookup = lookUp(numbers, gtins, buyerNumbers, partnerId);
        List<Order> bookable = new ArrayList<>(orders.size());
        List<OrderAnswer> refused = new ArrayList<>();
        for (Order order : orders) {
            List<FieldProblem> problems = new ArrayList<>();
            ProblemType type = null;
            List<OrderLine> lines = new ArrayList<>(order.lines().size());
            if (order.currency() == null) {
                problems.add(new FieldProblem("/currency", "the order names no currency, and the partner's profile none (currency = ...)"));
                type = ProblemType.ORDER_INCOMPLETE;
            }
            if (order.lines().isEmpty()) {
                problems.add(new FieldProblem("/lines", "the order has no lines"));
                type = ProblemType.ORDER_INCOMPLETE;
            }
            for (int i = 0; i < order.lines().size(); i++) {
                OrderLine line = order.lines().get(i);
                String at = "line " + line.lineNumber();
                Item item = lookup.find(line);
                if (line.quantity() == null || line.quantity().signum() <= 0) {
                    problems.add(new FieldProblem("/lines/" + i + "/quantity", at + " orders no quantity"));
                    type = type == null ? ProblemType.ORDER_INCOMPLETE : type;
                } else if (item == null) {
                    problems.add(new FieldProblem("/lines/" + i + "/sku", at + ": no item in the catalogue for " + describe(line)));
                    type = type == null ? ProblemType.UNKNOWN_SKU : type;
                } else if (line.unitPrice() == null && order.currency() != null && !order.currency().equals(listPriceCurrency)) {
                    problems.add(new FieldProblem("/lines/" + i + "/unitPrice", at + " sends no price, and the list price of "
                            + item.number() + " is in " + listPriceCurrency + ", not the order's " + order.currency()));
                    type = type == null ? ProblemType.ORDER_INCOMPLETE : type;
                } else if (!UnitOfMeasure.sameUnit(line.unit(), item.unit())) {
                    problems.add(new FieldProblem("/lines/" + i + "/unit", at + ": ordered in " + line.unit() + ", item "
                            + item.number() + " is sold in " + item.unit()));
                    type = type == null ? ProblemType.UNIT_NOT_SOLD : type;
                } else {
                    lines.add(line.resolved(item.number(), item.listPrice()));
                }
            }
            if (problems.isEmpty()) {
                bookable.add(new Order(order.source(), order.orderId(), order.orderDate(), order.currency(), order.buyer(),
                        order.shipTo(), lines));
            } else {
                String reason = problems.stream().map(FieldProblem::reason).collect(Collectors.joining("; "));
                refused.add(OrderAnswer.refused(order, new InputRejectedException(type, reason, problems)));
            }
        }
        return new ResolvedOrders(bookable, refused);
    }

    /** Which of these item numbers the ERP's item master does not have (one query per 500). */
    public Set<String> unknown(Collection<String> skus) {
        Map<String, Item> found = new HashMap<>();
        try (Connection connection = erp.getConnection()) {
            items(connection, byNumber, skus, found, false);
        } catch (SQLException e) {
            throw new ErpUnavailableException("Cannot read the item catalogue from the ERP: " + e.getMessage(), e);
        }
        Set<String> unknown = new LinkedHashSet<>(skus);
        unknown.removeAll(found.keySet());
        return unknown;
    }

    /**
     * Lines that name our item number and a price, and nothing a partner identified the item by, need
     * nothing from the catalogue (web orders). A partner's supplier number is looked up like its other
     * numbers: it may be no item of ours, and then its GTIN or its own number decides.
     */
    private static boolean settled(Order order) {
        return order.lines().stream().allMatch(line -> line.sku() != null && line.itemIds().isEmpty() && line.unitPrice() != null
                && line.unit() == null && line.quantity() != null);
    }

    private static String describe(OrderLine line) {
        if (line.itemIds().isEmpty()) {
            return line.sku() != null ? line.sku() : "an item it does not identify";
        }
        return line.itemIds().stream().map(id -> id.qualifier().isEmpty() ? id.value() : id.qualifier() + " " + id.value())
                .collect(Collectors.joining(", "));
    }

    private Lookup lookUp(Set<String> numbers, Set<String> gtins, Set<String> buyerNumbers, String partnerId) {
        Map<String, Item> byNumberFound = new HashMap<>();
        Map<String, Item> byGtinFound = new HashMap<>();
        Map<String, String> byBuyerNumber = new HashMap<>();
        try (Connection connection = erp.getConnection()) {
            for (List<String> chunk : crossReference == null ? List.<List<String>>of() : chunks(buyerNumbers)) {
                ParameterValues values = name -> "partnerId".equals(name) ? partnerId : chunk;
                try (PreparedStatement select = SqlBinding.prepare(connection, crossReference, values)) {
                    SqlBinding.bind(select, crossReference, values);
                    try (ResultSet rs = select.executeQuery()) {
                        ResultColumns row = new ResultColumns(rs, crossReference);
                        while (rs.next()) {
                            byBuyerNumber.put(row.requiredExact("buyerItemNumber"), row.requiredExact("sku"));
                            numbers.add(row.requiredExact("sku"));
                        }
                    }
                }
            }
            items(connection, byNumber, numbers, byNumberFound, false);
            items(connection, byGtin, gtins, byGtinFound, true);
        } catch (SQLException e) {
            throw new ErpUnavailableException("Cannot read the item catalogue from the ERP: " + e.getMessage(), e);
        }
        return new Lookup(byNumberFound, byGtinFound, byBuyerNumber);
    }

    private static void items(Connection connection, NamedSql statement, Collection<String> keys, Map<String, Item> into, boolean byGtin)
            throws SQLException {
        for (List<String> chunk : chunks(keys)) {
            ParameterValues values = name -> chunk;
            try (PreparedStatement select = SqlBinding.prepare(connection, statement, values)) {
                SqlBinding.bind(select, statement, values);
                try (ResultSet rs = select.executeQuery()) {
                    ResultColumns row = new ResultColumns(rs, statement);
                    while (rs.next()) {
                        String unit = row.text("unit");
                        Item item = new Item(row.requiredExact("sku"), unit == null || unit.isEmpty() ? null : unit, row.decimal("listPrice"));
                        into.put(byGtin ? row.requiredText("gtin") : item.number(), item);
                    }
                }
            }
        }
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }

    private record Item(String number, String unit, BigDecimal listPrice) {
    }

    private record Lookup(Map<String, Item> byNumber, Map<String, Item> byGtin, Map<String, String> byBuyerNumber) {

        /** Supplier's number, then GTIN, then the buyer's number through the cross-reference; the line's sku last (web orders). */
        Item find(OrderLine line) {
            for (ItemIdentifier.Kind kind : List.of(ItemIdentifier.Kind.SUPPLIER, ItemIdentifier.Kind.GTIN, ItemIdentifier.Kind.BUYER)) {
                for (ItemIdentifier id : line.itemIds()) {
                    if (id.kind() != kind) {
                        continue;
                    }
                    Item item = switch (kind) {
                        case SUPPLIER -> byNumber.get(id.value());
                        case GTIN -> id.gtin14() == null ? null : byGtin.get(id.gtin14());
                        case BUYER -> byBuyerNumber.containsKey(id.value()) ? byNumber.get(byBuyerNumber.get(id.value())) : null;
                        case OTHER -> null;
                    };
                    if (item != null) {
                        return item;
                    }
                }
            }
            return line.sku() == null ? null : byNumber.get(line.sku());
        }
    }
}
