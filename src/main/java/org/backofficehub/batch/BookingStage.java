package org.backofficehub.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.backofficehub.model.Order;
import org.backofficehub.store.HubStoreException;

/**
 * Orders accepted in batch mode, waiting in the hub store for their route's drain. An order is
 * taken out only after it was booked or recorded as a failure, so a crash mid-drain loses
 * nothing; booking being exactly-once, the next drain books nothing twice.
 */
public final class BookingStage {

    private final DataSource hubStore;
    private final ObjectMapper canonicalJson;
    private final Clock clock;

    public record StagedOrder(long id, String trackingId, Order order, byte[] canonical) {
    }

    public BookingStage(DataSource hubStore, ObjectMapper canonicalJson, Clock clock) {
        this.hubStore = hubStore;
        this.canonicalJson = canonicalJson;
        this.clock = clock;
    }

    /** An order to stage under the route it came in by. */
    public record Staging(String routeId, Order order) {
    }

    /** Stages orders durably in one transaction and returns their tracking ids, in order. */
    public List<String> stageAll(List<Staging> orders) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO staged_order (route_id, tracking_id, source, order_id, canonical, staged_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            Timestamp now = Timestamp.from(clock.instant());
            List<String> trackingIds = new ArrayList<>(orders.size());
            for (Staging staging : orders) {
                String trackingId = UUID.randomUUID().toString();
                Order order = staging.order();
                insert.setString(1, staging.routeId());
                insert.setString(2, trackingId);
                insert.setString(3, order.source());
                insert.setString(4, order.orderId());
                insert.setString(5, canonicalJson.writeValueAsString(order));
                insert.setTimestamp(6, now);
                insert.addBatch();
                trackingIds.add(trackingId);
            }
            insert.executeBatch();
            connection.commit();
            return trackingIds;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot stage " + orders.size() + " order(s): " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A canonical order cannot be written as JSON", e);
        }
    }

    /** The oldest staged orders of a route after the given stage id, at most {@code limit}. */
    public List<StagedOrder> oldest(String routeId, long afterId, int limit) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     // Ordered by the whole index key: H2 then reads the index in order instead of sorting every staged row per chunk.
                     "SELECT id, tracking_id, canonical FROM staged_order WHERE route_id = ? AND id > ? ORDER BY route_id, id FETCH FIRST "
                             + limit + " ROWS ONLY")) {
            select.setString(1, routeId);
            select.setLong(2, afterId);
            List<StagedOrder> staged = new ArrayList<>(limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String json = rs.getString(3);
                    staged.add(new StagedOrder(rs.getLong(1), rs.getString(2), canonicalJson.readValue(json, Order.class),
                            json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
            return staged;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read the stage of " + routeId + ": " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A staged order of " + routeId + " is not readable canonical JSON", e);
        }
    }

    public void remove(List<StagedOrder> done) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM staged_order WHERE id = ?")) {
            connection.setAutoCommit(false);
            for (StagedOrder staged : done) {
                delete.setLong(1, staged.id());
                delete.addBatch();
            }
            delete.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new HubStoreException("Cannot remove " + done.size() + " drained order(s) from the stage: " + e.getMessage(), e);
        }
    }

    public Map<String, Long> countsByRoute() {
        try (Connection connection = hubStore.getConnection();
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT route_id, COUNT(*) FROM staged_order GROUP BY route_id")) {
            Map<String, Long> counts = new LinkedHashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot count staged orders: " + e.getMessage(), e);
        }
    }
}
