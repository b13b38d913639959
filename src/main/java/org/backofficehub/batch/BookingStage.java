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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.backofficehub.booking.BookingLedger;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderKey;
import org.backofficehub.store.OrderKeysTable;
import org.backofficehub.store.HubStoreException;

/**
 * Orders accepted in batch mode, waiting in the hub store for their route's drain. An order is
 * taken out only after it was booked or recorded as a failure, so a crash mid-drain loses
 * nothing; booking being exactly-once, the next drain books nothing twice.
 */
public final class BookingStage {

    /** Keys looked up per query: an EDI chunk may stage thousands of orders at once, beyond a statement's parameters. */
    private static final int LOOKUP_CHUNK = 500;

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

    /**
     * What staging made of one order: staged now or before (its tracking id), or booked before (the
     * ERP's number, and nothing staged).
     */
    public record Staged(String trackingId, String erpOrderNumber) {
        public boolean bookedBefore() {
            return erpOrderNumber != null;
        }
    }

    /**
     * Stages orders durably in one transaction; the answer at index i is for order i. An order sent
     * again is answered as the first time: one already booked with its booking, one still staged
     * (under any route) with its tracking id, so that a sender retrying gets one order, one id.
     * Concurrent stagings of one order on this instance meet in its one staging writer; two hub
     * instances staging the same order at the same moment may stage it twice, which booking, exactly
     * once, answers as one order.
     */
    public List<Staged> stageAll(List<Staging> orders) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO staged_order (route_id, tracking_id, source, order_id, canonical, staged_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            List<OrderKey> keys = orders.stream().map(staging -> staging.order().key()).distinct().toList();
            Map<OrderKey, String> booked = new HashMap<>();
            Map<OrderKey, String> staged = new HashMap<>();
            for (int from = 0; from < keys.size(); from += LOOKUP_CHUNK) {
                List<OrderKey> chunk = keys.subList(from, Math.min(keys.size(), from + LOOKUP_CHUNK));
                booked.putAll(BookingLedger.booked(connection, chunk));
                staged.putAll(trackingIds(connection, chunk));
            }
            Timestamp now = Timestamp.from(clock.instant());
            List<Staged> answers = new ArrayList<>(orders.size());
            boolean inserted = false;
            for (Staging staging : orders) {
                Order order = staging.order();
                String erpOrderNumber = booked.get(order.key());
                if (erpOrderNumber != null) {
                    answers.add(new Staged(null, erpOrderNumber));
                    continue;
                }
                String trackingId = staged.get(order.key());
                if (trackingId == null) {
                    trackingId = UUID.randomUUID().toString();
                    staged.put(order.key(), trackingId); // the same order twice in this batch: one row, one id
                    insert.setString(1, staging.routeId());
                    insert.setString(2, trackingId);
                    insert.setString(3, order.source());
                    insert.setString(4, order.orderId());
                    insert.setString(5, canonicalJson.writeValueAsString(order));
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                    inserted = true;
                }
                answers.add(new Staged(trackingId, null));
            }
            if (inserted) {
                insert.executeBatch();
            }
            connection.commit();
            return answers;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot stage " + orders.size() + " order(s): " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A canonical order cannot be written as JSON", e);
        }
    }

    /** The tracking ids of those of these orders staged and not yet drained, in one query ({@link OrderKeysTable}). */
    private static Map<OrderKey, String> trackingIds(Connection connection, List<OrderKey> keys) throws SQLException {
        Map<OrderKey, String> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT s.source, s.order_id, MIN(s.tracking_id) FROM "
                + OrderKeysTable.of(keys.size()) + " JOIN staged_order s ON s.source = wanted.source AND s.order_id = wanted.order_id"
                + " GROUP BY s.source, s.order_id")) {
            OrderKeysTable.bind(select, keys);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(new OrderKey(rs.getString(1), rs.getString(2)), rs.getString(3));
                }
            }
        }
        return found;
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
