package org.backofficehub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Every input the hub could not process, with its original bytes and the reason, kept until an
 * administrator replays (after fixing the cause) or discards it.
 */
public final class FailureLog {

    public static final String OPEN = "open";
    public static final String REPLAYED = "replayed";
    public static final String DISCARDED = "discarded";

    private static final int MAX_REASON = 4000;

    private final DataSource hubStore;
    private final Clock clock;

    public record Failure(long id, String routeId, String kind, String problem, String reason, String fileName,
                          byte[] payload, Instant createdAt, String state, Instant resolvedAt) {
    }

    public FailureLog(DataSource hubStore, Clock clock) {
        this.hubStore = hubStore;
        this.clock = clock;
    }

    public long record(String routeId, String kind, String problem, String reason, String fileName, byte[] payload) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO failure (route_id, kind, problem, reason, file_name, payload, created_at, state)
                     VALUES (?, ?, ?, ?, ?, ?, ?, 'open')""", new String[] {"id"})) {
            insert.setString(1, routeId);
            insert.setString(2, kind);
            insert.setString(3, problem);
            insert.setString(4, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
            insert.setString(5, fileName);
            insert.setBytes(6, payload);
            insert.setTimestamp(7, Timestamp.from(clock.instant()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot record a failure of " + routeId + ": " + e.getMessage(), e);
        }
    }

    public List<Failure> list(String state, int limit) {
        String sql = "SELECT id, route_id, kind, problem, reason, file_name, payload, created_at, state, resolved_at FROM failure"
                + (state == null ? "" : " WHERE state = ?") + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY";
        try (Connection connection = hubStore.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (state != null) {
                select.setString(1, state);
            }
            List<Failure> failures = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    failures.add(failure(rs));
                }
            }
            return failures;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot list failures: " + e.getMessage(), e);
        }
    }

    public Optional<Failure> find(long id) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, route_id, kind, problem, reason, file_name, payload, created_at, state, resolved_at FROM failure WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(failure(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read failure " + id + ": " + e.getMessage(), e);
        }
    }

    /** Closes an open failure; false if it was not open (already replayed or discarded). */
    public boolean resolve(long id, String newState) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE failure SET state = ?, resolved_at = ? WHERE id = ? AND state = 'open'")) {
            update.setString(1, newState);
            update.setTimestamp(2, Timestamp.from(clock.instant()));
            update.setLong(3, id);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot update failure " + id + ": " + e.getMessage(), e);
        }
    }

    public long countOpen(String routeId) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM failure WHERE state = 'open' AND route_id = ?")) {
            count.setString(1, routeId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot count failures: " + e.getMessage(), e);
        }
    }

    private static Failure failure(ResultSet rs) throws SQLException {
        Timestamp resolved = rs.getTimestamp(10);
        return new Failure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getBytes(7), rs.getTimestamp(8).toInstant(), rs.getString(9), resolved == null ? null : resolved.toInstant());
    }
}
