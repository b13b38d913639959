package org.backofficehub.outbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.backofficehub.store.HubStoreException;
import org.backofficehub.store.Transactions;

/**
 * The durable queue of everything the hub owes other systems. Messages are written in the
 * transaction of what caused them, so none is lost or invented; a message is marked delivered
 * only after its delivery succeeded. A crash in between delivers it again, which is why every
 * delivery is idempotent by name (a file of the same name, a notice id the receiver can check).
 */
public final class OutboundMessages {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String MERGED = "merged";
    private static final int MAX_ERROR = 4000;

    private final DataSource hubStore;
    private final Clock clock;

    public OutboundMessages(DataSource hubStore, Clock clock) {
        this.hubStore = hubStore;
        this.clock = clock;
    }

    /** Within the caller's transaction. */
    public void enqueue(Connection connection, List<OutboundMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbound_message (route_id, kind, name, payload, state, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)""")) {
            Timestamp now = Timestamp.from(clock.instant());
            for (OutboundMessage message : messages) {
                insert.setString(1, message.routeId());
                insert.setString(2, message.kind());
                insert.setString(3, message.name());
                insert.setBytes(4, message.payload());
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public void enqueue(List<OutboundMessage> messages) {
        inTransaction(connection -> {
            enqueue(connection, messages);
            return null;
        });
    }

    /** Pending messages of a route whose next attempt is due, oldest first. */
    public List<OutboundMessage> due(String routeId, int limit) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT id, route_id, kind, name, payload, attempts FROM outbound_message
                     WHERE route_id = ? AND state = 'pending' AND next_attempt_at <= ? ORDER BY id FETCH FIRST %d ROWS ONLY"""
                     .formatted(limit))) {
            select.setString(1, routeId);
            select.setTimestamp(2, Timestamp.from(clock.instant()));
            List<OutboundMessage> due = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    due.add(new OutboundMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5),
                            rs.getInt(6)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read outbound messages of " + routeId + ": " + e.getMessage(), e);
        }
    }

    public void delivered(List<OutboundMessage> messages) {
        setState(messages, DELIVERED, null);
    }

    /** Several pending messages replaced by one that carries them all (the latest stock levels). */
    public void merged(List<OutboundMessage> messages, OutboundMessage into) {
        inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbound_message SET payload = ? WHERE id = ?")) {
                update.setBytes(1, into.payload());
                update.setLong(2, into.id());
                update.executeUpdate();
            }
            updateState(connection, messages, MERGED, "merged into " + into.id());
            return null;
        });
    }

    /** An attempt failed: try again after {@code retryIn}. */
    public void retryLater(List<OutboundMessage> messages, String error, Duration retryIn) {
        inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbound_message SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")) {
                for (OutboundMessage message : messages) {
                    update.setString(1, truncate(error));
                    update.setTimestamp(2, Timestamp.from(clock.instant().plus(retryIn)));
                    update.setLong(3, message.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    /** The last attempt failed: the message waits for an administrator's replay of failure {@code failureId}. */
    public void failed(OutboundMessage message, String error, long failureId) {
        inTransaction(connection -> {
            updateState(connection, List.of(message), FAILED, error);
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbound_message SET failure_id = ? WHERE id = ?")) {
                update.setLong(1, failureId);
                update.setLong(2, message.id());
                update.executeUpdate();
            }
            return null;
        });
    }

    /** The failed message of a failure record back to pending, for a replay; false if there is none. */
    public boolean reopenFailure(long failureId) {
        return inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE outbound_message SET state = 'pending', attempts = 0, next_attempt_at = ?
                    WHERE failure_id = ? AND state = 'failed'""")) {
                update.setTimestamp(1, Timestamp.from(clock.instant()));
                update.setLong(2, failureId);
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Messages still owed (pending) and given up (failed) per route, for the metrics and the routes
     * page: a count of each range of the due index, so the history of delivered messages, which
     * grows with every order, is never read.
     */
    public Map<String, Map<String, Long>> waiting(Collection<String> routeIds) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM outbound_message WHERE route_id = ? AND state = ?")) {
            Map<String, Map<String, Long>> waiting = new TreeMap<>();
            for (String routeId : routeIds) {
                for (String state : List.of(PENDING, FAILED)) {
                    count.setString(1, routeId);
                    count.setString(2, state);
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        waiting.computeIfAbsent(routeId, r -> new TreeMap<>()).put(state, rs.getLong(1));
                    }
                }
            }
            return waiting;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot count waiting outbound messages: " + e.getMessage(), e);
        }
    }

    /** Messages per route and state, delivered ones included: a scan of the whole table, for an administrator's look only. */
    public Map<String, Map<String, Long>> counts() {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT route_id, state, COUNT(*) FROM outbound_message GROUP BY route_id, state");
             ResultSet rs = select.executeQuery()) {
            Map<String, Map<String, Long>> counts = new TreeMap<>();
            while (rs.next()) {
                counts.computeIfAbsent(rs.getString(1), r -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
            }
            return counts;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot count outbound messages: " + e.getMessage(), e);
        }
    }

    private void setState(List<OutboundMessage> messages, String state, String error) {
        inTransaction(connection -> {
            updateState(connection, messages, state, error);
            return null;
        });
    }

    private void updateState(Connection connection, List<OutboundMessage> messages, String state, String error) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbound_message SET state = ?, attempts = attempts + ?, last_error = COALESCE(?, last_error), delivered_at = ? WHERE id = ?")) {
            for (OutboundMessage message : messages) {
                update.setString(1, state);
                update.setInt(2, MERGED.equals(state) ? 0 : 1);
                update.setString(3, error == null ? null : truncate(error));
                update.setTimestamp(4, DELIVERED.equals(state) ? Timestamp.from(now) : null);
                update.setLong(5, message.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static String truncate(String error) {
        return error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.inTransaction(hubStore, "Cannot update outbound messages", work);
    }
}
