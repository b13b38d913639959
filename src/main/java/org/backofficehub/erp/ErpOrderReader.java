package org.backofficehub.erp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.backofficehub.model.Address;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;

/**
 * Reads orders back out of the ERP with its profile's statements ({@code order.read},
 * {@code order.list}, {@code order.read-by-number}, {@code order.lines}), by the customer's
 * reference or by the ERP's number, as the canonical order plus what the ERP added.
 */
public final class ErpOrderReader {

    private final DataSource erp;
    private final ErpProfile profile;
    private final NamedSql read;
    private final NamedSql list;
    private final NamedSql byNumber;
    private final NamedSql lines;

    public ErpOrderReader(DataSource erp, ErpProfile profile) {
        this.erp = erp;
        this.profile = profile;
        this.read = profile.statement(ErpStatement.ORDER_READ);
        this.list = profile.statement(ErpStatement.ORDER_LIST);
        this.byNumber = profile.statement(ErpStatement.ORDER_READ_BY_NUMBER);
        this.lines = profile.statement(ErpStatement.ORDER_LINES);
    }

    /** Orders by source, optionally narrowed to one order id; newest first, at most {@code limit}. */
    public List<ErpOrder> find(String source, String orderId, int limit) {
        NamedSql headers = orderId != null ? read : list;
        ParameterValues key = name -> "source".equals(name) ? source : "orderId".equals(name) ? orderId : null;
        try (Connection connection = erp.getConnection();
             PreparedStatement select = connection.prepareStatement(headers.jdbc());
             PreparedStatement linesQuery = connection.prepareStatement(lines.jdbc())) {
            select.setMaxRows(limit);
            SqlBinding.bind(select, headers, key);
            List<ErpOrder> orders = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                ResultColumns columns = new ResultColumns(rs, headers);
                while (rs.next()) {
                    orders.add(toErpOrder(columns, linesQuery));
                }
            }
            return orders;
        } catch (SQLException e) {
            throw new ErpUnavailableException("Cannot read orders of " + source + " from the ERP: " + e.getMessage(), e);
        }
    }

    /** The order the ERP numbered {@code erpOrderNumber}, if there is one. */
    public Optional<ErpOrder> byNumber(String erpOrderNumber) {
        try (Connection connection = erp.getConnection();
             PreparedStatement select = connection.prepareStatement(byNumber.jdbc());
             PreparedStatement linesQuery = connection.prepareStatement(lines.jdbc())) {
            SqlBinding.bind(select, byNumber, name -> erpOrderNumber);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(toErpOrder(new ResultColumns(rs, byNumber), linesQuery)) : Optional.empty();
            }
        } catch (SQLException e) {
            if (SqlStates.isDataException(e)) {
                return Optional.empty(); // a number the ERP's column cannot hold ("abc" for a numeric key) names no order
            }
            throw new ErpUnavailableException("Cannot read ERP order " + erpOrderNumber + ": " + e.getMessage(), e);
        }
    }

    private ErpOrder toErpOrder(ResultColumns h, PreparedStatement linesQuery) throws SQLException {
        String orderNumber = h.requiredText("erpOrderNumber");
        Party buyer = new Party(h.text("buyerName"), h.text("buyerEmail"), h.text("buyerPhone"),
                address(h.text("buyerStreet"), h.text("buyerCity"), h.text("buyerPostalCode"), h.text("buyerCountry"), h.text("buyerRegion")));
        Party shipTo = new Party(h.text("shipToName"), h.text("shipToEmail"), h.text("shipToPhone"),
                address(h.text("shipToStreet"), h.text("shipToCity"), h.text("shipToPostalCode"), h.text("shipToCountry"),
                        h.text("shipToRegion")));
        String source = h.requiredExact("source");
        String orderId = h.requiredExact("orderId");
        List<OrderLine> orderLines = lines(linesQuery, orderNumber, source, orderId);
        Order order = new Order(source, orderId, h.requiredDate("orderDate"), h.requiredText("currency"), buyer, shipTo, orderLines);
        return new ErpOrder(orderNumber, profile.status(h.requiredText("status")),
                h.has("netTotal") ? h.decimal("netTotal") : order.netTotal(), h.instant("receivedAt"), order);
    }

    private List<OrderLine> lines(PreparedStatement query, String orderNumber, String source, String orderId) throws SQLException {
        SqlBinding.bind(query, lines, name -> switch (name) {
            case "erpOrderNumber" -> orderNumber;
            case "source" -> source;
            case "orderId" -> orderId;
            default -> null;
        });
        List<OrderLine> orderLines = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            ResultColumns line = new ResultColumns(rs, lines);
            while (rs.next()) {
                String unit = line.text("unit");
                orderLines.add(new OrderLine(line.requiredInt("lineNumber"), line.requiredText("sku"), line.text("description"),
                        org.backofficehub.util.Decimals.stripped(line.requiredDecimal("quantity")), unit == null || unit.isEmpty() ? null : unit,
                        line.requiredDecimal("unitPrice"), List.of()));
            }
        }
        return orderLines;
    }

    private static Address address(String street, String city, String postalCode, String country, String region) {
        return street == null && city == null ? null : new Address(street, city, postalCode, country, region);
    }
}
