package org.backofficehub.booking;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.backofficehub.model.OrderKey;
import org.backofficehub.store.HubStoreException;
import org.backofficehub.store.OrderKeysTable;

/**
 * The hub's record of which orders it has taken on, in its own store. Claiming an order before
 * touching the ERP makes booking exactly-once: a second delivery of the same order, on any
 * channel or instance, finds the claim. A batch of orders is claimed and recorded in one
 * transaction ({@link Batch}), so concurrent bookings share a commit. A claim committed by an
 * earlier version of the hub and left behind by a crash expires after the lease and is taken over
 * by the next delivery.
 */
public final class BookingLedger {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Comparator<OrderKey> BY_KEY = Comparator.comparing(OrderKey::source).thenComparing(OrderKey::orderId);

    private static final String INSERT_CLAIM =
            "INSERT INTO order_booking (source, order_id, state, claimed_at) VALUES (?, ?, 'CLAIMED', ?)";
    private static final String FIND = "SELECT state, erp_order_no, claimed_at FROM order_booking WHERE source = ? AND order_id = ?";
    private static final String TAKE_OVER =
            "UPDATE order_booking SET claimed_at = ? WHERE source = ? AND order_id = ? AND state = 'CLAIMED' AND claimed_at = ?";
    private static final String MARK_BOOKED =
            "UPDATE order_booking SET state = 'BOOKED', erp_order_no = ?, booked_at = ? WHERE source = ? AND order_id = ?";
    private static final String RELEASE = "DELETE FROM order_booking WHERE source = ? AND order_id = ? AND state = 'CLAIMED'";

    private final DataSource hubStore;
    private final Duration claimLease;
    private final Clock clock;

    public BookingLedger(DataSource hubStore, Duration claimLease, Clock clock) {
        this.hubStore = hubStore;
        this.claimLease = claimLease;
        this.clock = clock;
    }

    /** What a caller may do with an order it wants to book. */
    public sealed interface Claim {
        /** Go ahead; the caller now holds the order. */
        record Granted() implements Claim { }

        record AlreadyBooked(String erpOrderNumber) implements Claim { }

        /** Another delivery of the same order is being booked right now. */
        record Busy(Instant claimedAt) implements Claim { }
    }

    /**
     * Opens the hub-store transaction of a batch of bookings: the orders are claimed in it, the ERP
     * is written while it is open, and their bookings are recorded in it and committed together.
     * A claim is never committed on its own: until the batch commits, a concurrent claim of the
     * same order (another hub instance) waits on the uncommitted key, then finds it booked. If the
     * hub dies after the ERP committed but before the batch did, nothing of the batch is left in
     * the ledger, and the next delivery finds the order by its reference in the ERP.
     */
    public Batch begin() {
        try {
            Connection connection = hubStore.getConnection();
            try {
                connection.setAutoCommit(false);
                return new Batch(connection);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot begin a booking transaction: " + e.getMessage(), e);
        }
    }

    /** One batch's hub-store transaction; closing it without {@link #commit()} rolls back. */
    public final class Batch implements AutoCloseable {

        private final Connection connection;
        private boolean committed;

        private Batch(Connection connection) {
            this.connection = connection;
        }

        /** The transaction, for what must commit with the bookings (their order events). */
        public Connection connection() {
            return connection;
        }

        /**
         * Claims each order; the answer at index i is for key i. Usually one lookup and one batched
         * insert for the whole batch; if another hub instance claims one of the orders at the same
         * moment, the claims are redone key by key.
         */
        public List<Claim> claimAll(List<OrderKey> keys) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_CLAIM);
                 PreparedStatement find = connection.prepareStatement(FIND);
                 PreparedStatement takeOver = connection.prepareStatement(TAKE_OVER)) {
                Timestamp now = Timestamp.from(clock.instant());
                List<Claim> claims = claimAllAtOnce(connection, insert, find, takeOver, keys, now);
                if (claims == null) {
                    connection.rollback(); // nothing but the failed claims was done in this transaction yet
                    claims = new ArrayList<>(keys.size());
                    for (OrderKey key : keys) {
                        claims.add(claim(connection, insert, find, takeOver, key, now));
                    }
                }
                return claims;
            } catch (SQLException e) {
                throw new HubStoreException("Cannot claim " + keys.size() + " order(s): " + e.getMessage(), e);
            }
        }

        /** Gives orders up (refused by the hub or the ERP), so corrected re-deliveries can book them. */
        public void release(List<OrderKey> keys) {
            executeBatch(connection, RELEASE, keys.stream().map(k -> new Object[] {k.source(), k.orderId()}).toList());
        }

        public void recordBooked(Map<OrderKey, String> erpOrderNumbers) {
            Timestamp now = Timestamp.from(clock.instant());
            executeBatch(connection, MARK_BOOKED, erpOrderNumbers.entrySet().stream()
                    .map(e -> new Object[] {e.getValue(), now, e.getKey().source(), e.getKey().orderId()}).toList());
        }

        public void commit() {
            try {
                connection.commit();
                committed = true;
            } catch (SQLException e) {
                throw new HubStoreException("Cannot record bookings: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try (connection) {
                // Not after a commit: H2 stores every changed page on a rollback too, as on a commit.
                if (!committed) {
                    connection.rollback();
                }
            } catch (SQLException e) {
                // the connection is gone; nothing of the batch was committed on it
            }
        }
    }

    /** Null when a concurrent claim collided with the batched insert. */
    private List<Claim> claimAllAtOnce(Connection connection, PreparedStatement insert, PreparedStatement find,
                                       PreparedStatement takeOver, List<OrderKey> keys, Timestamp now) throws SQLException {
        Set<OrderKey> known = existingClaims(connection, keys);
        Set<OrderKey> claimedNow = new HashSet<>();
        List<Claim> claims = new ArrayList<>(keys.size());
        for (OrderKey key : keys) {
            if (known.contains(key)) {
                Claim existing = inspectExisting(find, takeOver, key, now);
                claims.add(existing != null ? existing : new Claim.Busy(now.toInstant()));
            } else if (!claimedNow.add(key)) {
                claims.add(new Claim.Busy(now.toInstant())); // the same order twice in one batch
            } else {
                claims.add(new Claim.Granted());
            }
        }
        // In key order: two instances claiming overlapping batches wait on each other's keys in the
        // same order, so neither holds a key the other is waiting for (no deadlock).
        for (OrderKey key : claimedNow.stream().sorted(BY_KEY).toList()) {
            insert.setString(1, key.source());
            insert.setString(2, key.orderId());
            insert.setTimestamp(3, now);
            insert.addBatch();
        }
        if (!claimedNow.isEmpty()) {
            try {
                insert.executeBatch();
            } catch (SQLException e) {
                insert.clearBatch();
                if (e instanceof BatchUpdateException || UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return null;
                }
                throw e;
            }
        }
        return claims;
    }

    /** Which of these orders already have a claim: a join against the keys, one primary-key probe each. */
    private static Set<OrderKey> existingClaims(Connection connection, List<OrderKey> keys) throws SQLException {
        Set<OrderKey> existing = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT b.source, b.order_id FROM (VALUES "
                + "(CAST(? AS VARCHAR(35)), CAST(? AS VARCHAR(35))),".repeat(keys.size() - 1)
                + "(CAST(? AS VARCHAR(35)), CAST(? AS VARCHAR(35)))) AS wanted (src, id) "
                + "JOIN order_booking b ON b.source = wanted.src AND b.order_id = wanted.id")) {
            int i = 1;
            for (OrderKey key : keys) {
                select.setString(i++, key.source());
                select.setString(i++, key.orderId());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    existing.add(new OrderKey(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return existing;
    }

    /**
     * The ERP numbers of those of these orders booked before, read in the caller's transaction: batch
     * mode answers a repeat with its booking, as real time does, rather than staging it again.
     */
    public static Map<OrderKey, String> booked(Connection connection, List<OrderKey> keys) throws SQLException {
        Map<OrderKey, String> booked = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return booked;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT b.source, b.order_id, b.erp_order_no FROM "
                + OrderKeysTable.of(keys.size()) + " JOIN order_booking b ON b.source = wanted.source AND b.order_id = wanted.order_id"
                + " WHERE b.state = 'BOOKED'")) {
            OrderKeysTable.bind(select, keys);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    booked.put(new OrderKey(rs.getString(1), rs.getString(2)), rs.getString(3));
                }
            }
        }
        return booked;
    }

    /** Within the caller's transaction: the number a booked order is known by, if the hub booked it. */
    public static Optional<String> bookedNumber(Connection connection, OrderKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT erp_order_no FROM order_booking WHERE source = ? AND order_id = ? AND state = 'BOOKED'")) {
            select.setString(1, key.source());
            select.setString(2, key.orderId());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Within the caller's transaction: gives up a booked order the ERP refused after the hub booked
     * it (its import job's error, a refused order file), so that the sender's corrected order under
     * the same reference is claimed and booked anew rather than answered "booked before".
     */
    public static void releaseRefused(Connection connection, OrderKey key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM order_booking WHERE source = ? AND order_id = ? AND state = 'BOOKED'")) {
            delete.setString(1, key.source());
            delete.setString(2, key.orderId());
            delete.executeUpdate();
        }
    }

    /** Within the caller's transaction: the state of the hub's claim on an order (CLAIMED, BOOKED), if it has one. */
    public static Optional<String> state(Connection connection, OrderKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT state FROM order_booking WHERE source = ? AND order_id = ?")) {
            select.setString(1, key.source());
            select.setString(2, key.orderId());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Within the caller's transaction: whether the hub has taken on any order of this source (one of its channels). */
    public static boolean hasSource(Connection connection, String source) throws SQLException {
        // The primary key's first column: an index probe, not a scan.
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM order_booking WHERE source = ? FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, source);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Within the caller's transaction: the ERP's own number for a booked order that the hub has so
     * far known by the reference the ERP held it under (an interface row's, until the ERP's import
     * job numbered it), so that a re-delivery is answered with the ERP's number. False when the
     * ledger already has that number, or has no such booking.
     */
    public static boolean renumber(Connection connection, OrderKey key, String erpOrderNumber) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE order_booking SET erp_order_no = ? WHERE source = ?"
                + " AND order_id = ? AND state = 'BOOKED' AND (erp_order_no IS NULL OR erp_order_no <> ?)")) {
            update.setString(1, erpOrderNumber);
            update.setString(2, key.source());
            update.setString(3, key.orderId());
            update.setString(4, erpOrderNumber);
            return update.executeUpdate() == 1;
        }
    }

    private Claim claim(Connection connection, PreparedStatement insert, PreparedStatement find, PreparedStatement takeOver,
                        OrderKey key, Timestamp now) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            // A failed insert aborts a PostgreSQL transaction; the savepoint keeps the rest of the batch.
            Savepoint beforeInsert = connection.setSavepoint();
            try {
                insert.setString(1, key.source());
                insert.setString(2, key.orderId());
                insert.setTimestamp(3, now);
                insert.executeUpdate();
                connection.releaseSavepoint(beforeInsert);
                return new Claim.Granted();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(beforeInsert);
            }
            Claim existing = inspectExisting(find, takeOver, key, now);
            if (existing != null) {
                return existing;
            }
            // The claim was released between our insert and our read: try again.
        }
        throw new IllegalStateException("Claim for order " + key + " keeps changing; giving up");
    }

    private Claim inspectExisting(PreparedStatement find, PreparedStatement takeOver, OrderKey key, Timestamp now) throws SQLException {
        find.setString(1, key.source());
        find.setString(2, key.orderId());
        try (ResultSet rs = find.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            if ("BOOKED".equals(rs.getString(1))) {
                return new Claim.AlreadyBooked(rs.getString(2));
            }
            Timestamp claimedAt = rs.getTimestamp(3);
            if (claimedAt.toInstant().plus(claimLease).isAfter(now.toInstant())) {
                return new Claim.Busy(claimedAt.toInstant());
            }
            // Compare-and-set on the claim time: of two deliveries finding the same stale claim, one wins.
            takeOver.setTimestamp(1, now);
            takeOver.setString(2, key.source());
            takeOver.setString(3, key.orderId());
            takeOver.setTimestamp(4, claimedAt);
            return takeOver.executeUpdate() == 1 ? new Claim.Granted() : new Claim.Busy(claimedAt.toInstant());
        }
    }

    private static void executeBatch(Connection connection, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new HubStoreException("Cannot update " + rows.size() + " booking(s): " + e.getMessage(), e);
        }
    }
}
