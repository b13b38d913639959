package org.backofficehub.erp;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.backofficehub.model.Address;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderKey;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;
import org.backofficehub.model.ProblemType;

/**
 * Books a canonical order into the legacy ERP tables: header, lines and stock allocation in one
 * transaction, so the ERP never holds half an order or stock allocated to nothing.
 */
public final class ErpOrderWriter {

    // Guarded update: allocation only succeeds while enough free stock is left, which makes
    // concurrent orders for the last units safe without reading first.
    private static final String ALLOCATE = """
            UPDATE ITMMAS SET IMALLO = IMALLO + ? WHERE IMITNO = ? AND IMONHD - IMALLO >= ?""";
    private static final String INSERT_HEADER = """
            INSERT INTO ORDHDR (OHSRC, OHCREF, OHORDT, OHCURR, OHSTAT, OHNAME, OHMAIL, OHPHON, OHSTR1, OHCITY, OHZIP, OHCTRY,
                                OHSNAM, OHSSTR, OHSCIT, OHSZIP, OHSCTY, OHTNET, OHCRTS)
            VALUES (?, ?, ?, ?, 'OP', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_LINE = """
            INSERT INTO ORDLIN (OLORNO, OLLINE, OLITNO, OLDESC, OLQTY, OLPRIC, OLAMNT, OLSTAT) VALUES (?, ?, ?, ?, ?, ?, ?, 'OP')""";
    private static final String FIND_BY_REFERENCE = "SELECT OHORNO FROM ORDHDR WHERE OHSRC = ? AND OHCREF = ?";
    private static final String FREE_STOCK = "SELECT IMONHD - IMALLO FROM ITMMAS WHERE IMITNO = ?";
    private static final String ITEM_DESCRIPTION = "SELECT IMDESC FROM ITMMAS WHERE IMITNO = ?";

    private final DataSource erp;

    public ErpOrderWriter(DataSource erp) {
        this.erp = erp;
    }

    /** Writes the order and returns its ERP order number; rejects unknown SKUs and short stock. */
    public String book(Order order) {
        try (Connection connection = erp.getConnection()) {
            connection.setAutoCommit(false);
            try {
                allocate(connection, order);
                long orderNumber = insertHeader(connection, order);
                insertLines(connection, orderNumber, order);
                connection.commit();
                return Long.toString(orderNumber);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ErpUnavailableException("ERP refused order " + order.key() + ": " + e.getMessage(), e);
        }
    }

    /** The ERP order number already holding this customer reference, if a booking got that far. */
    public Optional<String> findOrderNumber(OrderKey key) {
        try (Connection connection = erp.getConnection();
             PreparedStatement find = connection.prepareStatement(FIND_BY_REFERENCE)) {
            find.setString(1, key.source());
            find.setString(2, key.orderId());
            try (ResultSet rs = find.executeQuery()) {
                return rs.next() ? Optional.of(Long.toString(rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ErpUnavailableException("Cannot look up order " + key + " in the ERP: " + e.getMessage(), e);
        }
    }

    private void allocate(Connection connection, Order order) throws SQLException {
        // Sorted by item so two orders allocating the same items lock rows in the same order (no deadlock).
        Map<String, BigDecimal> quantityBySku = new TreeMap<>();
        for (OrderLine line : order.lines()) {
            quantityBySku.merge(line.sku(), line.quantity(), BigDecimal::add);
        }
        try (PreparedStatement allocate = connection.prepareStatement(ALLOCATE)) {
            for (Map.Entry<String, BigDecimal> item : quantityBySku.entrySet()) {
                allocate.setBigDecimal(1, item.getValue());
                allocate.setString(2, item.getKey());
                allocate.setBigDecimal(3, item.getValue());
                if (allocate.executeUpdate() == 0) {
                    connection.rollback();
                    throw explainRefusedAllocation(connection, order, quantityBySku);
                }
            }
        }
    }

    /** Reports every line the ERP cannot serve, not just the first, so the sender fixes all at once. */
    private InputRejectedException explainRefusedAllocation(Connection connection, Order order,
                                                            Map<String, BigDecimal> quantityBySku) throws SQLException {
        List<FieldProblem> unknown = new ArrayList<>();
        List<FieldProblem> short_ = new ArrayList<>();
        try (PreparedStatement free = connection.prepareStatement(FREE_STOCK)) {
            for (int i = 0; i < order.lines().size(); i++) {
                String sku = order.lines().get(i).sku();
                free.setString(1, sku);
                try (ResultSet rs = free.executeQuery()) {
                    String field = "/lines/" + i + "/sku";
                    if (!rs.next()) {
                        unknown.add(new FieldProblem(field, "SKU " + sku + " is not in the ERP item master"));
                    } else if (rs.getBigDecimal(1).compareTo(quantityBySku.get(sku)) < 0) {
                        short_.add(new FieldProblem("/lines/" + i + "/quantity", "SKU " + sku + ": ordered "
                                + quantityBySku.get(sku).stripTrailingZeros().toPlainString() + ", available "
                                + rs.getBigDecimal(1).stripTrailingZeros().toPlainString()));
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            return new InputRejectedException(ProblemType.UNKNOWN_SKU, unknown.get(0).reason(), unknown);
        }
        if (!short_.isEmpty()) {
            return new InputRejectedException(ProblemType.INSUFFICIENT_STOCK, "Not enough stock: " + short_.get(0).reason(), short_);
        }
        // Stock was taken by a concurrent order between our update and this diagnosis.
        return new InputRejectedException(ProblemType.INSUFFICIENT_STOCK, "Not enough stock for order " + order.key());
    }

    private long insertHeader(Connection connection, Order order) throws SQLException {
        Party buyer = order.buyer();
        Address billing = buyer.address() != null ? buyer.address() : new Address(null, null, null, null);
        Party delivery = order.deliveryParty();
        Address shipping = delivery.address() != null ? delivery.address() : billing;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_HEADER, Statement.RETURN_GENERATED_KEYS)) {
            int i = 1;
            insert.setString(i++, order.source());
            insert.setString(i++, order.orderId());
            insert.setDate(i++, Date.valueOf(order.orderDate()));
            insert.setString(i++, order.currency());
            insert.setString(i++, buyer.name());
            setNullable(insert, i++, buyer.email());
            setNullable(insert, i++, buyer.phone());
            setNullable(insert, i++, billing.street());
            setNullable(insert, i++, billing.city());
            setNullable(insert, i++, billing.postalCode());
            setNullable(insert, i++, billing.country());
            setNullable(insert, i++, delivery.name());
            setNullable(insert, i++, shipping.street());
            setNullable(insert, i++, shipping.city());
            setNullable(insert, i++, shipping.postalCode());
            setNullable(insert, i++, shipping.country());
            insert.setBigDecimal(i++, order.netTotal());
            insert.setTimestamp(i, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("ERP returned no order number");
                }
                return keys.getLong(1);
            }
        }
    }

    private void insertLines(Connection connection, long orderNumber, Order order) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_LINE);
             PreparedStatement describe = connection.prepareStatement(ITEM_DESCRIPTION)) {
            for (OrderLine line : order.lines()) {
                insert.setLong(1, orderNumber);
                insert.setInt(2, line.lineNumber());
                insert.setString(3, line.sku());
                insert.setString(4, line.description() != null ? line.description() : itemDescription(describe, line.sku()));
                insert.setBigDecimal(5, line.quantity());
                insert.setBigDecimal(6, line.unitPrice());
                insert.setBigDecimal(7, line.amount());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Legacy documents print the item master's description when the channel sent none. */
    private static String itemDescription(PreparedStatement describe, String sku) throws SQLException {
        describe.setString(1, sku);
        try (ResultSet rs = describe.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
