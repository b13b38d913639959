package org.backofficehub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.backofficehub.model.OrderKey;

/**
 * The hub's record of which orders it has taken on, in its own store. Claiming an order before
 * touching the ERP makes booking exactly-once: a second delivery of the same order, on any
 * channel or instance, finds the claim. A claim left behind by a crash expires after the lease
 * and is taken over by the next delivery, which first checks whether the ERP already has the order.
 */
public final class BookingLedger {

    private static final String UNIQUE_VIOLATION = "23505";

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
        /** Go ahead. {@code takenOver}: a previous attempt died mid-way; the ERP may already hold the order. */
        record Granted(boolean takenOver) implements Claim { }

        record AlreadyBooked(String erpOrderNumber) implements Claim { }

        /** Another delivery of the same order is being booked right now. */
        record Busy(Instant claimedAt) implements Claim { }
    }

    public Claim claim(OrderKey key) {
        try (Connection connection = hubStore.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                if (insertClaim(connection, key)) {
                    return new Claim.Granted(false);
                }
                Claim existing = inspectExisting(connection, key);
                if (existing != null) {
                    return existing;
                }
                // The claim was released between our insert and our read: try again.
            }
            throw new IllegalStateException("Claim for order " + key + " keeps changing; giving up");
        } catch (SQLException e) {
            throw new HubStoreException("Cannot claim order " + key + ": " + e.getMessage(), e);
        }
    }

    public void recordBooked(OrderKey key, String erpOrderNumber) {
        execute(MARK_BOOKED, key, erpOrderNumber, Timestamp.from(clock.instant()), key.source(), key.orderId());
    }

    /** Gives the order up after the ERP rejected it, so a corrected re-delivery can book it. */
    public void release(OrderKey key) {
        execute(RELEASE, key, key.source(), key.orderId());
    }

    private boolean insertClaim(Connection connection, OrderKey key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CLAIM)) {
            insert.setString(1, key.source());
            insert.setString(2, key.orderId());
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private Claim inspectExisting(Connection connection, OrderKey key) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
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
                if (claimedAt.toInstant().plus(claimLease).isAfter(clock.instant())) {
                    return new Claim.Busy(claimedAt.toInstant());
                }
                return takeOver(connection, key, claimedAt) ? new Claim.Granted(true) : new Claim.Busy(claimedAt.toInstant());
            }
        }
    }

    /** Compare-and-set on the claim time, so of two deliveries finding the same stale claim only one wins. */
    private boolean takeOver(Connection connection, OrderKey key, Timestamp staleClaim) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(TAKE_OVER)) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setString(2, key.source());
            update.setString(3, key.orderId());
            update.setTimestamp(4, staleClaim);
            return update.executeUpdate() == 1;
        }
    }

    private void execute(String sql, OrderKey key, Object... parameters) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new HubStoreException("Cannot update the booking of order " + key + ": " + e.getMessage(), e);
        }
    }
}
