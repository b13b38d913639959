package org.backofficehub.erp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.backofficehub.model.Address;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;

/** Reads orders back out of the legacy ERP tables, by the customer's reference. */
public final class ErpOrderReader {

    private static final String HEADER_COLUMNS = """
            SELECT OHORNO, OHSRC, OHCREF, OHORDT, OHCURR, OHSTAT, OHNAME, OHMAIL, OHPHON, OHSTR1, OHCITY, OHZIP, OHCTRY,
                   OHSNAM, OHSSTR, OHSCIT, OHSZIP, OHSCTY, OHTNET, OHCRTS FROM ORDHDR""";
    private static final String LINES = """
            SELECT OLLINE, OLITNO, OLDESC, OLQTY, OLPRIC FROM ORDLIN WHERE OLORNO = ? ORDER BY OLLINE""";

    private final DataSource erp;

    public ErpOrderReader(DataSource erp) {
        this.erp = erp;
    }

    /** Orders by source, optionally narrowed to one order id; newest ERP number first, at most {@code limit}. */
    public List<ErpOrder> find(String source, String orderId, int limit) {
        String sql = HEADER_COLUMNS + " WHERE OHSRC = ?" + (orderId != null ? " AND OHCREF = ?" : "") + " ORDER BY OHORNO DESC";
        try (Connection connection = erp.getConnection();
             PreparedStatement headers = connection.prepareStatement(sql);
             PreparedStatement lines = connection.prepareStatement(LINES)) {
            headers.setMaxRows(limit);
            headers.setString(1, source);
            if (orderId != null) {
                headers.setString(2, orderId);
            }
            List<ErpOrder> orders = new ArrayList<>();
            try (ResultSet rs = headers.executeQuery()) {
                while (rs.next()) {
                    orders.add(toErpOrder(rs, lines));
                }
            }
            return orders;
        } catch (SQLException e) {
            throw new ErpUnavailableException("Cannot read orders of " + source + " from the ERP: " + e.getMessage(), e);
        }
    }

    /** The order the ERP numbered {@code erpOrderNumber}, if there is one. */
    public java.util.Optional<ErpOrder> byNumber(long erpOrderNumber) {
        try (Connection connection = erp.getConnection();
             PreparedStatement header = connection.prepareStatement(HEADER_COLUMNS + " WHERE OHORNO = ?");
             PreparedStatement lines = connection.prepareStatement(LINES)) {
            header.setLong(1, erpOrderNumber);
            try (ResultSet rs = header.executeQuery()) {
                return rs.next() ? java.util.Optional.of(toErpOrder(rs, lines)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new ErpUnavailableException("Cannot read ERP order " + erpOrderNumber + ": " + e.getMessage(), e);
        }
    }

    private static ErpOrder toErpOrder(ResultSet h, PreparedStatement linesQuery) throws SQLException {
        long orderNumber = h.getLong("OHORNO");
        Party buyer = new Party(h.getString("OHNAME"), h.getString("OHMAIL"), h.getString("OHPHON"),
                address(h.getString("OHSTR1"), h.getString("OHCITY"), h.getString("OHZIP"), h.getString("OHCTRY")));
        Party shipTo = new Party(h.getString("OHSNAM"), null, null,
                address(h.getString("OHSSTR"), h.getString("OHSCIT"), h.getString("OHSZIP"), h.getString("OHSCTY")));
        Order order = new Order(h.getString("OHSRC"), h.getString("OHCREF"), h.getDate("OHORDT").toLocalDate(),
                h.getString("OHCURR").trim(), buyer, shipTo, lines(linesQuery, orderNumber));
        return new ErpOrder(Long.toString(orderNumber), ErpStatusCode.toStatus(h.getString("OHSTAT")),
                h.getBigDecimal("OHTNET"), h.getTimestamp("OHCRTS").toInstant(), order);
    }

    private static List<OrderLine> lines(PreparedStatement query, long orderNumber) throws SQLException {
        query.setLong(1, orderNumber);
        List<OrderLine> lines = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                lines.add(new OrderLine(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4).stripTrailingZeros(), rs.getBigDecimal(5)));
            }
        }
        return lines;
    }

    private static Address address(String street, String city, String postalCode, String country) {
        return street == null && city == null ? null
                : new Address(street, city, postalCode, country == null ? null : country.trim());
    }
}
