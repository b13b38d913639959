package org.backofficehub.erp;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderKey;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.ProblemType;

/**
 * Books canonical orders into a database ERP with its profile's statements: header, lines and
 * stock allocation of an order commit together, so the ERP never holds half an order or stock
 * allocated to nothing. The ERP's number for an order comes from {@code order.number} before the
 * insert, or is read back by the order's reference ({@code order.find}) after it.
 */
public final class ErpOrderWriter implements ErpBooking {

    private final DataSource erp;
    private final BookingStatements sql;
    private final Clock clock;

    public ErpOrderWriter(DataSource erp, ErpProfile profile, Clock clock) {
        this.erp = erp;
        this.sql = new BookingStatements(profile);
        this.clock = clock;
    }

    /**
     * Books a batch in one ERP transaction. The usual case, every order accepted, takes a handful
     * of batched statements for the whole batch (what makes a remote ERP affordable); if the ERP
     * refuses anything (stock, or an order's values: SQL state class 22 or 23, say a reference too
     * long for the ERP's column), the batch is rolled back and booked order by order, each behind
     * its own savepoint, so a rejected order leaves no trace and does not disturb its neighbours.
     * Any other database failure fails the batch as {@link ErpUnavailableException}.
     * The outcome at index i is for order i.
     */
    @Override
    public List<Outcome> bookAll(List<Order> orders) {
        Instant receivedAt = clock.instant();
        try (Connection connection = erp.getConnection()) {
            connection.setAutoCommit(false);
            try (Statements statements = new Statements(connection, sql)) {
                List<Outcome> outcomes;
                try {
                    outcomes = bookAllAtOnce(statements, orders, receivedAt);
                } catch (SQLException refused) {
                    // One order's values the ERP cannot take (a narrower column, a constraint) must not
                    // fail its neighbours as "ERP unavailable": order by order finds which it is.
                    if (!SqlStates.refusesTheOrder(refused)) {
                        throw refused;
                    }
                    outcomes = null;
                }
                if (outcomes == null) {
                    connection.rollback();
                    statements.clearBatches();
                    outcomes = new ArrayList<>(orders.size());
                    for (Order order : orders) {
                        outcomes.add(bookOne(statements, order, receivedAt));
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

    /** The whole batch in batched statements; null if any allocation is refused or unconfirmed (the caller falls back). */
    private List<Outcome> bookAllAtOnce(Statements statements, List<Order> orders, Instant receivedAt) throws SQLException {
        Map<OrderKey, String> existing = statements.findAll(orders);
        List<Order> toBook = new ArrayList<>();
        // A set, not a scan of toBook: a 500-order drain chunk made the scan quadratic (a tenth of the booking writer's CPU).
        Set<OrderKey> seen = new HashSet<>();
        for (Order order : orders) {
            if (!existing.containsKey(order.key()) && seen.add(order.key())) {
                toBook.add(order);
            }
        }
        if (toBook.size() < orders.size() - existing.size()) {
            return null; // the same order twice in one batch: the order-by-order path sorts that out
        }
        if (!toBook.isEmpty() && statements.allocate != null && !allocateAll(statements, toBook)) {
            return null;
        }
        Map<OrderKey, String> booked = insertAll(statements, toBook, receivedAt);
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
    private boolean allocateAll(Statements statements, List<Order> orders) throws SQLException {
        Map<String, BigDecimal> demand = new TreeMap<>();
        for (Order order : orders) {
            quantityBySku(order).forEach((sku, quantity) -> demand.merge(sku, quantity, BigDecimal::add));
        }
        for (Map.Entry<String, BigDecimal> item : demand.entrySet()) {
            SqlBinding.bind(statements.allocate, sql.allocate, stock(item.getKey(), item.getValue()));
            statements.allocate.addBatch();
        }
        // Only a count of exactly 1 proves the guarded update allocated. A driver may answer a batch
        // with SUCCESS_NO_INFO (-2), which says nothing about whether the guard held: then, as for a
        // refusal, the caller books order by order, where executeUpdate reports real counts.
        for (int count : statements.allocate.executeBatch()) {
            if (count != 1) {
                return false;
            }
        }
        return true;
    }

    private Map<OrderKey, String> insertAll(Statements statements, List<Order> orders, Instant receivedAt) throws SQLException {
        Map<OrderKey, String> numbers = new HashMap<>();
        if (orders.isEmpty()) {
            return numbers;
        }
        List<OrderParameters> headers = new ArrayList<>(orders.size());
        for (Order order : orders) {
            OrderParameters header = OrderParameters.of(order, null, receivedAt);
            headers.add(statements.numberFirst != null ? header.numbered(statements.drawNumber(header)) : header);
        }
        if (statements.insertOrder != null) {
            // Without generated keys: pgjdbc then sends the whole batch in one round trip instead of one
            // per row; the numbers the ERP gave come back in one lookup by reference.
            for (OrderParameters header : headers) {
                SqlBinding.bind(statements.insertOrder, sql.insertOrder, header);
                statements.insertOrder.addBatch();
            }
            statements.insertOrder.executeBatch();
            headers = numbered(statements, headers);
        }
        for (OrderParameters header : headers) {
            addLines(statements, header);
        }
        statements.insertLine.executeBatch();
        if (statements.numberFirst == null && statements.insertOrder == null) {
            headers = numbered(statements, headers); // a layout of lines alone: the number exists once they do
        }
        for (OrderParameters header : headers) {
            numbers.put(key(header), (String) header.value("erpOrderNumber"));
        }
        return numbers;
    }

    /** The orders with the numbers the ERP gave them, read back by reference; those drawn before keep theirs. */
    private static List<OrderParameters> numbered(Statements statements, List<OrderParameters> headers) throws SQLException {
        if (headers.get(0).value("erpOrderNumber") != null) {
            return headers;
        }
        Map<OrderKey, String> generated = statements.findAll(headers.stream().map(OrderParameters::order).toList());
        if (generated.size() != headers.size()) {
            throw new SQLException("ERP returned " + generated.size() + " order numbers for " + headers.size() + " orders");
        }
        return headers.stream().map(header -> header.numbered(generated.get(key(header)))).toList();
    }

    private void addLines(Statements statements, OrderParameters header) throws SQLException {
        for (OrderLine line : header.order().lines()) {
            SqlBinding.bind(statements.insertLine, sql.insertLine, header.line(line));
            statements.insertLine.addBatch();
        }
    }

    private static OrderKey key(OrderParameters header) {
        return header.order().key();
    }

    private static Map<String, BigDecimal> quantityBySku(Order order) {
        // Sorted by item so two transactions allocating the same items lock rows in the same order (no deadlock).
        Map<String, BigDecimal> quantityBySku = new TreeMap<>();
        for (OrderLine line : order.lines()) {
            quantityBySku.merge(line.sku(), line.quantity(), BigDecimal::add);
        }
        return quantityBySku;
    }

    private static ParameterValues stock(String sku, BigDecimal quantity) {
        return name -> switch (name) {
            case "sku" -> sku;
            case "quantity" -> quantity;
            default -> null;
        };
    }

    private Outcome bookOne(Statements statements, Order order, Instant receivedAt) throws SQLException {
        // Also guards against a hub store that lost track of a booking: the ERP's own reference wins.
        Optional<String> existing = statements.find(order.key());
        if (existing.isPresent()) {
            return new Outcome.AlreadyInErp(existing.get());
        }
        Savepoint beforeOrder = statements.connection.setSavepoint();
        try {
            if (statements.allocate != null) {
                allocate(statements, order);
            }
            OrderParameters header = OrderParameters.of(order, null, receivedAt);
            if (statements.numberFirst != null) {
                header = header.numbered(statements.drawNumber(header));
            }
            if (statements.insertOrder != null) {
                SqlBinding.bind(statements.insertOrder, sql.insertOrder, header);
                statements.insertOrder.executeUpdate();
                header = header.value("erpOrderNumber") != null ? header : header.numbered(readBack(statements, order));
            }
            addLines(statements, header);
            statements.insertLine.executeBatch();
            String number = header.value("erpOrderNumber") != null ? (String) header.value("erpOrderNumber") : readBack(statements, order);
            statements.connection.releaseSavepoint(beforeOrder);
            return new Outcome.Booked(number);
        } catch (InputRejectedException rejected) {
            statements.connection.rollback(beforeOrder);
            return new Outcome.Rejected(rejected);
        } catch (SQLException refused) {
            if (!SqlStates.refusesTheOrder(refused)) {
                throw refused;
            }
            // The savepoint also ends PostgreSQL's aborted state, so the batch's other orders go on.
            statements.connection.rollback(beforeOrder);
            statements.clearBatches();
            return new Outcome.Rejected(new InputRejectedException(ProblemType.ERP_REFUSED,
                    "The ERP refused the order: " + SqlStates.refusal(refused), List.of(), refused));
        }
    }

    private static String readBack(Statements statements, Order order) throws SQLException {
        return statements.find(order.key()).orElseThrow(() -> new SQLException("ERP returned no order number for " + order.key()));
    }

    private void allocate(Statements statements, Order order) throws SQLException {
        Map<String, BigDecimal> quantityBySku = quantityBySku(order);
        for (Map.Entry<String, BigDecimal> item : quantityBySku.entrySet()) {
            SqlBinding.bind(statements.allocate, sql.allocate, stock(item.getKey(), item.getValue()));
            if (statements.allocate.executeUpdate() == 0) {
                throw explainRefusedAllocation(statements, order, quantityBySku);
            }
        }
    }

    /** Reports every line the ERP cannot serve, not just the first, so the sender fixes all at once. */
    private InputRejectedException explainRefusedAllocation(Statements statements, Order order, Map<String, BigDecimal> quantityBySku)
            throws SQLException {
        List<FieldProblem> unknown = new ArrayList<>();
        List<FieldProblem> shortOfStock = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            String sku = order.lines().get(i).sku();
            SqlBinding.bind(statements.freeStock, sql.freeStock, stock(sku, null));
            try (ResultSet rs = statements.freeStock.executeQuery()) {
                if (!rs.next()) {
                    unknown.add(new FieldProblem("/lines/" + i + "/sku", "SKU " + sku + " is not in the ERP item master"));
                    continue;
                }
                BigDecimal available = new ResultColumns(rs, sql.freeStock).requiredDecimal("available");
                if (available.compareTo(quantityBySku.get(sku)) < 0) {
                    shortOfStock.add(new FieldProblem("/lines/" + i + "/quantity", "SKU " + sku + ": ordered "
                            + quantityBySku.get(sku).stripTrailingZeros().toPlainString() + ", available "
                            + available.stripTrailingZeros().toPlainString()));
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

    /** The profile's booking statements, parsed and checked once. */
    private static final class BookingStatements {
        final NamedSql find;
        final NamedSql findMany;
        final NamedSql number;
        final NamedSql insertOrder;
        final NamedSql insertLine;
        final NamedSql allocate;
        final NamedSql freeStock;

        BookingStatements(ErpProfile profile) {
            find = profile.statement(ErpStatement.ORDER_FIND);
            findMany = profile.optional(ErpStatement.ORDER_FIND_MANY).orElse(null);
            number = profile.optional(ErpStatement.ORDER_NUMBER).orElse(null);
            insertOrder = profile.optional(ErpStatement.ORDER_INSERT).orElse(null);
            insertLine = profile.statement(ErpStatement.LINE_INSERT);
            allocate = profile.optional(ErpStatement.STOCK_ALLOCATE).orElse(null);
            freeStock = profile.optional(ErpStatement.STOCK_FREE).orElse(null);
        }
    }

    /** A batch's prepared statements, prepared once per transaction rather than once per order. */
    private static final class Statements implements AutoCloseable {
        final Connection connection;
        final BookingStatements sql;
        final PreparedStatement find;
        final PreparedStatement numberFirst;
        final PreparedStatement insertOrder;
        final PreparedStatement insertLine;
        final PreparedStatement allocate;
        final PreparedStatement freeStock;
        private final List<PreparedStatement> all = new ArrayList<>();

        Statements(Connection connection, BookingStatements sql) throws SQLException {
            this.connection = connection;
            this.sql = sql;
            find = prepare(sql.find);
            numberFirst = prepare(sql.number);
            insertOrder = prepare(sql.insertOrder);
            insertLine = prepare(sql.insertLine);
            allocate = prepare(sql.allocate);
            freeStock = prepare(sql.freeStock);
        }

        private PreparedStatement prepare(NamedSql statement) throws SQLException {
            if (statement == null) {
                return null;
            }
            PreparedStatement prepared = connection.prepareStatement(statement.jdbc());
            all.add(prepared);
            return prepared;
        }

        Optional<String> find(OrderKey key) throws SQLException {
            SqlBinding.bind(find, sql.find, name -> "source".equals(name) ? key.source() : "orderId".equals(name) ? key.orderId() : null);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next() ? Optional.of(new ResultColumns(rs, sql.find).requiredText("erpOrderNumber")) : Optional.empty();
            }
        }

        /** ERP order numbers already holding these references: in one query with order.find-many, else one each. */
        Map<OrderKey, String> findAll(List<Order> orders) throws SQLException {
            Map<OrderKey, String> found = new HashMap<>();
            if (sql.findMany == null) {
                for (Order order : orders) {
                    find(order.key()).ifPresent(number -> found.put(order.key(), number));
                }
                return found;
            }
            List<OrderKey> keys = orders.stream().map(Order::key).toList();
            ParameterValues wanted = name -> keys;
            try (PreparedStatement findMany = SqlBinding.prepare(connection, sql.findMany, wanted)) {
                SqlBinding.bind(findMany, sql.findMany, wanted);
                try (ResultSet rs = findMany.executeQuery()) {
                    ResultColumns columns = new ResultColumns(rs, sql.findMany);
                    while (rs.next()) {
                        found.put(new OrderKey(columns.requiredExact("source"), columns.requiredExact("orderId")),
                                columns.requiredText("erpOrderNumber"));
                    }
                }
            }
            return found;
        }

        String drawNumber(OrderParameters header) throws SQLException {
            SqlBinding.bind(numberFirst, sql.number, header);
            try (ResultSet rs = numberFirst.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("ERP profile statement order.number returned no row");
                }
                return new ResultColumns(rs, sql.number).requiredText("erpOrderNumber");
            }
        }

        /** Drops rows a failed batch left queued, so they are not sent again with the next order's. */
        void clearBatches() throws SQLException {
            for (PreparedStatement statement : all) {
                statement.clearBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : all) {
                statement.close();
            }
        }
    }
}
