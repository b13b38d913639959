package org.backofficehub.erp;

import org.backofficehub.util.Texts;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.backofficehub.store.OrderKeysTable;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;
import org.backofficehub.model.ProblemType;

/**
 * Books canonical orders into the legacy ERP tables: header, lines and stock allocation of an
 * order commit together, so the ERP never holds half an order or stock allocated to nothing.
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
    /** OLDESC holds 80 characters; a partner's description may be longer (EDIFACT 7008 is an..256 from D99B). */
    private static final int DESCRIPTION_WIDTH = 80;

    private final DataSource erp;

    public ErpOrderWriter(DataSource erp) {
        this.erp = erp;
    }

    /** What became of one order in a batch. */
    public sealed interface Outcome {
        record Booked(String erpOrderNumber) implements Outcome { }

        /** The ERP already held an order with this reference (a delivery whose booking a crash cut short). */
        record AlreadyInErp(String erpOrderNumber) implements Outcome { }

        record Rejected(InputRejectedException reason) implements Outcome { }
    }

    /**
     * Books a batch in one ERP transaction. The usual case, every order accepted, takes a handful
     * of batched statements for the whole batch (what makes a remote ERP affordable); if the ERP
     * refuses anything, the batch is rolled back and booked order by order, each behind its own
     * savepoint, so a rejected order leaves no trace and does not disturb its neighbours.
     * The outcome at index i is for order i.
     */
    public List<Outcome> bookAll(List<Order> orders) {
        try (Connection connection = erp.getConnection()) {
            connection.setAutoCommit(false);
            try (Statements statements = new Statements(connection)) {
                List<Outcome> outcomes = bookAllAtOnce(connection, statements, orders);
                if (outcomes == null) {
                    connection.rollback();
                    outcomes = new ArrayList<>(orders.size());
                    for (Order order : orders) {
                        outcomes.add(bookOne(connection, statements, order));
                    }
                }
                connection.commit();
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ErpUnavailableException("ERP refused a batch of " + orders.size() + " order(s): " + e.getMessage(), e);
        }
    }

    /** The whole batch in batched statements; null if any allocation is refused (the caller falls back). */
    private List<Outcome> bookAllAtOnce(Connection connection, Statements statements, List<Order> orders) throws SQLException {
        Map<OrderKey, String> existing = findOrderNumbers(connection, orders);
        List<Order> toBook = new ArrayList<>();
        // A set, not a scan of toBook: a 500-order drain chunk made the scan quadratic (a tenth of the booking writer's CPU).
        java.util.Set<OrderKey> seen = new java.util.HashSet<>();
        for (Order order : orders) {
            if (!existing.containsKey(order.key()) && seen.add(order.key())) {
                toBook.add(order);
            }
        }
        if (toBook.size() < orders.size() - existing.size()) {
            return null; // the same order twice in one batch: the order-by-order path sorts that out
        }
        if (!toBook.isEmpty() && !allocateAll(statements.allocate, toBook)) {
            return null;
        }
        Map<OrderKey, String> booked = insertAll(statements, toBook);
        List<Outcome> outcomes = new ArrayList<>(orders.size());
        for (Order order : orders) {
            String number = existing.get(order.key());
            outcomes.add(number != null ? new Outcome.AlreadyInErp(number) : new Outcome.Booked(booked.get(order.key())));
        }
        return outcomes;
    }

    /**
     * One guarded update per item for the batch's total demand: if the totals fit, every order
     * fits. (Updating the same stock row once per order would also leave PostgreSQL a chain of
     * row versions to walk on every further update within the transaction.)
     */
    private static boolean allocateAll(PreparedStatement allocate, List<Order> orders) throws SQLException {
        Map<String, BigDecimal> demand = new TreeMap<>();
        for (Order order : orders) {
            quantityBySku(order).forEach((sku, quantity) -> demand.merge(sku, quantity, BigDecimal::add));
        }
        for (Map.Entry<String, BigDecimal> item : demand.entrySet()) {
            allocate.setBigDecimal(1, item.getValue());
            allocate.setString(2, item.getKey());
            allocate.setBigDecimal(3, item.getValue());
            allocate.addBatch();
        }
        for (int count : allocate.executeBatch()) {
            if (count == 0) {
                return false;
            }
        }
        return true;
    }

    private Map<OrderKey, String> insertAll(Statements statements, List<Order> orders) throws SQLException {
        Map<OrderKey, String> numbers = new HashMap<>();
        if (orders.isEmpty()) {
            return numbers;
        }
        // Without generated keys: pgjdbc then sends the whole batch in one round trip instead of one
        // per row; the numbers the ERP gave come back in one lookup by reference.
        for (Order order : orders) {
            bindHeader(statements.insertHeaders, order);
            statements.insertHeaders.addBatch();
        }
        statements.insertHeaders.executeBatch();
        Map<OrderKey, String> generated = findOrderNumbers(statements.connection, orders);
        if (generated.size() != orders.size()) {
            throw new SQLException("ERP returned " + generated.size() + " order numbers for " + orders.size() + " orders");
        }
        Map<String, String> descriptions = describeAll(statements.connection, orders);
        for (Order order : orders) {
            String number = generated.get(order.key());
            numbers.put(order.key(), number);
            addLines(statements.insertLine, Long.parseLong(number), order, descriptions);
        }
        statements.insertLine.executeBatch();
        return numbers;
    }

    /** ERP order numbers already holding these customer references, in one query ({@link OrderKeysTable}). */
    private static Map<OrderKey, String> findOrderNumbers(Connection connection, List<Order> orders) throws SQLException {
        String sql = "SELECT o.OHSRC, o.OHCREF, o.OHORNO FROM " + OrderKeysTable.of(orders.size())
                + " JOIN ORDHDR o ON o.OHSRC = wanted.source AND o.OHCREF = wanted.order_id";
        Map<OrderKey, String> found = new HashMap<>();
        try (PreparedStatement find = connection.prepareStatement(sql)) {
            OrderKeysTable.bind(find, orders.stream().map(Order::key).toList());
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    found.put(new OrderKey(rs.getString(1), rs.getString(2)), Long.toString(rs.getLong(3)));
                }
            }
        }
        return found;
    }

    /** Item-master descriptions for lines the channel sent without one, in one query. */
    private static Map<String, String> describeAll(Connection connection, List<Order> orders) throws SQLException {
        List<String> skus = orders.stream().flatMap(o -> o.lines().stream()).filter(l -> l.description() == null)
                .map(OrderLine::sku).distinct().toList();
        Map<String, String> descriptions = new HashMap<>();
        if (skus.isEmpty()) {
            return descriptions;
        }
        try (PreparedStatement describe = connection.prepareStatement(
                "SELECT IMITNO, IMDESC FROM ITMMAS WHERE IMITNO IN (" + "?,".repeat(skus.size() - 1) + "?)")) {
            for (int i = 0; i < skus.size(); i++) {
                describe.setString(i + 1, skus.get(i));
            }
            try (ResultSet rs = describe.executeQuery()) {
                while (rs.next()) {
                    descriptions.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return descriptions;
    }

    private static void addLines(PreparedStatement insert, long orderNumber, Order order, Map<String, String> descriptions) throws SQLException {
        for (OrderLine line : order.lines()) {
            insert.setLong(1, orderNumber);
            insert.setInt(2, line.lineNumber());
            insert.setString(3, line.sku());
            insert.setString(4, line.description() != null ? Texts.clip(line.description(), DESCRIPTION_WIDTH) : descriptions.get(line.sku()));
            insert.setBigDecimal(5, line.quantity());
            insert.setBigDecimal(6, line.unitPrice());
            insert.setBigDecimal(7, line.amount());
            insert.addBatch();
        }
    }

    private static Map<String, BigDecimal> quantityBySku(Order order) {
        // Sorted by item so two transactions allocating the same items lock rows in the same order (no deadlock).
        Map<String, BigDecimal> quantityBySku = new TreeMap<>();
        for (OrderLine line : order.lines()) {
            quantityBySku.merge(line.sku(), line.quantity(), BigDecimal::add);
        }
        return quantityBySku;
    }

    private Outcome bookOne(Connection connection, Statements statements, Order order) throws SQLException {
        // Also guards against a hub store that lost track of a booking: the ERP's own reference wins.
        Optional<String> existing = findOrderNumber(statements.findByReference, order.key());
        if (existing.isPresent()) {
            return new Outcome.AlreadyInErp(existing.get());
        }
        Savepoint beforeOrder = connection.setSavepoint();
        try {
            allocate(statements, order);
            long orderNumber = insertHeader(statements.insertHeader, order);
            insertLines(statements, orderNumber, order);
            connection.releaseSavepoint(beforeOrder);
            return new Outcome.Booked(Long.toString(orderNumber));
        } catch (InputRejectedException rejected) {
            connection.rollback(beforeOrder);
            return new Outcome.Rejected(rejected);
        }
    }

    private static Optional<String> findOrderNumber(PreparedStatement find, OrderKey key) throws SQLException {
        find.setString(1, key.source());
        find.setString(2, key.orderId());
        try (ResultSet rs = find.executeQuery()) {
            return rs.next() ? Optional.of(Long.toString(rs.getLong(1))) : Optional.empty();
        }
    }

    private static void allocate(Statements statements, Order order) throws SQLException {
        Map<String, BigDecimal> quantityBySku = quantityBySku(order);
        PreparedStatement allocate = statements.allocate;
        for (Map.Entry<String, BigDecimal> item : quantityBySku.entrySet()) {
            allocate.setBigDecimal(1, item.getValue());
            allocate.setString(2, item.getKey());
            allocate.setBigDecimal(3, item.getValue());
            if (allocate.executeUpdate() == 0) {
                throw explainRefusedAllocation(statements.freeStock, order, quantityBySku);
            }
        }
    }

    /** Reports every line the ERP cannot serve, not just the first, so the sender fixes all at once. */
    private static InputRejectedException explainRefusedAllocation(PreparedStatement freeStock, Order order,
                                                                   Map<String, BigDecimal> quantityBySku) throws SQLException {
        List<FieldProblem> unknown = new ArrayList<>();
        List<FieldProblem> shortOfStock = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            String sku = order.lines().get(i).sku();
            freeStock.setString(1, sku);
            try (ResultSet rs = freeStock.executeQuery()) {
                if (!rs.next()) {
                    unknown.add(new FieldProblem("/lines/" + i + "/sku", "SKU " + sku + " is not in the ERP item master"));
                } else if (rs.getBigDecimal(1).compareTo(quantityBySku.get(sku)) < 0) {
                    shortOfStock.add(new FieldProblem("/lines/" + i + "/quantity", "SKU " + sku + ": ordered "
                            + quantityBySku.get(sku).stripTrailingZeros().toPlainString() + ", available "
                            + rs.getBigDecimal(1).stripTrailingZeros().toPlainString()));
                }
            }
        }
        if (!unknown.isEmpty()) {
            return new InputRejectedException(ProblemType.UNKNOWN_SKU, unknown.get(0).reason(), unknown);
        }
        if (!shortOfStock.isEmpty()) {
            return new InputRejectedException(ProblemType.INSUFFICIENT_STOCK, "Not enough stock: " + shortOfStock.get(0).reason(), shortOfStock);
        }
        // Stock was taken by a concurrent transaction between our update and this diagnosis.
        return new InputRejectedException(ProblemType.INSUFFICIENT_STOCK, "Not enough stock for order " + order.key());
    }

    private static long insertHeader(PreparedStatement insert, Order order) throws SQLException {
        bindHeader(insert, order);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("ERP returned no order number");
            }
            return keys.getLong(1);
        }
    }

    private static void bindHeader(PreparedStatement insert, Order order) throws SQLException {
        Party buyer = order.buyer();
        Address billing = buyer.address() != null ? buyer.address() : new Address(null, null, null, null);
        Party delivery = order.deliveryParty();
        Address shipping = delivery.address() != null ? delivery.address() : billing;
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
    }

    private static void insertLines(Statements statements, long orderNumber, Order order) throws SQLException {
        PreparedStatement insert = statements.insertLine;
        for (OrderLine line : order.lines()) {
            insert.setLong(1, orderNumber);
            insert.setInt(2, line.lineNumber());
            insert.setString(3, line.sku());
            insert.setString(4, line.description() != null ? Texts.clip(line.description(), DESCRIPTION_WIDTH) : itemDescription(statements.describe, line.sku()));
            insert.setBigDecimal(5, line.quantity());
            insert.setBigDecimal(6, line.unitPrice());
            insert.setBigDecimal(7, line.amount());
            insert.addBatch();
        }
        insert.executeBatch();
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

    /** A batch's prepared statements, prepared once per transaction rather than once per order. */
    private static final class Statements implements AutoCloseable {
        final Connection connection;
        final PreparedStatement findByReference;
        final PreparedStatement allocate;
        final PreparedStatement freeStock;
        final PreparedStatement insertHeader;
        final PreparedStatement insertHeaders;
        final PreparedStatement insertLine;
        final PreparedStatement describe;

        Statements(Connection connection) throws SQLException {
            this.connection = connection;
            findByReference = connection.prepareStatement(FIND_BY_REFERENCE);
            allocate = connection.prepareStatement(ALLOCATE);
            freeStock = connection.prepareStatement(FREE_STOCK);
            insertHeader = connection.prepareStatement(INSERT_HEADER, Statement.RETURN_GENERATED_KEYS);
            insertHeaders = connection.prepareStatement(INSERT_HEADER);
            insertLine = connection.prepareStatement(INSERT_LINE);
            describe = connection.prepareStatement(ITEM_DESCRIPTION);
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : List.of(findByReference, allocate, freeStock, insertHeader, insertHeaders, insertLine, describe)) {
                statement.close();
            }
        }
    }
}
