package org.backofficehub.backoffice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.backofficehub.store.HubStoreException;
import org.backofficehub.store.Transactions;

/**
 * The durable queue between what happens to orders and the back office's follow-up. An event is
 * written in the transaction of what caused it and deleted in the transaction that acts on it.
 */
public final class OrderEvents {

    /** {@code recordedAt}: when what caused it committed. */
    public record Stored(long id, OrderEvent event, Instant recordedAt) {
    }

    private final DataSource hubStore;
    private final ObjectMapper json;
    private final Clock clock;

    public OrderEvents(DataSource hubStore, ObjectMapper json, Clock clock) {
        this.hubStore = hubStore;
        this.json = json;
        this.clock = clock;
    }

    public void enqueue(Connection connection, List<OrderEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO order_event (kind, source, order_id, detail, created_at) VALUES (?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(clock.instant());
            for (OrderEvent event : events) {
                insert.setString(1, event.kind());
                insert.setString(2, event.order().source());
                insert.setString(3, event.order().orderId());
                insert.setString(4, json.writeValueAsString(event));
                insert.setTimestamp(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An order event cannot be written as JSON", e);
        }
    }

    public void enqueue(List<OrderEvent> events) {
        Transactions.inTransaction(hubStore, "Cannot record " + events.size() + " order event(s)", connection -> {
            enqueue(connection, events);
            return null;
        });
    }

    /** The oldest events, read within the caller's transaction. */
    public List<Stored> oldest(Connection connection, int limit) throws SQLException {
        List<Stored> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, detail, created_at FROM order_event ORDER BY id FETCH FIRST " + limit + " ROWS ONLY");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                events.add(new Stored(rs.getLong(1), json.readValue(rs.getString(2), OrderEvent.class), rs.getTimestamp(3).toInstant()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored order event is not readable: " + e.getMessage(), e);
        }
        return events;
    }

    /** Deletes handled events; false if another consumer took one of them first (the caller then rolls back). */
    public boolean remove(Connection connection, List<Stored> events) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM order_event WHERE id = ?")) {
            for (Stored event : events) {
                delete.setLong(1, event.id());
                delete.addBatch();
            }
            for (int deleted : delete.executeBatch()) {
                if (deleted == 0) {
                    return false;
                }
            }
            return true;
        }
    }

    public long pending() {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM order_event");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new HubStoreException("Cannot count order events: " + e.getMessage(), e);
        }
    }
}
