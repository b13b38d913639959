package org.backofficehub.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.backofficehub.store.HubStoreException;

/**
 * The durable way into the customer master. Touches are written to {@code customer_inbox} in the
 * transaction of what caused them (a booking's follow-up, an acknowledgement), so none is lost
 * and none is invented; the feed route ({@code routes/customer-master.camel.yaml}) resolves them
 * in batches and deletes them in the same transaction, so none is applied twice. Booking never
 * waits for customer matching.
 */
public final class CustomerFeed {

    private final DataSource hubStore;
    private final CustomerResolver resolver;
    private final ObjectMapper json;
    private final int batchSize;
    private final Clock clock;
    private final BooleanSupplier holdOff;

    /** @param holdOff true while a drain books: the customer master then leaves it the machine */
    public CustomerFeed(DataSource hubStore, CustomerResolver resolver, ObjectMapper json, int batchSize, Clock clock,
                        BooleanSupplier holdOff) {
        this.hubStore = hubStore;
        this.resolver = resolver;
        this.json = json;
        this.batchSize = batchSize;
        this.clock = clock;
        this.holdOff = holdOff;
    }

    /** Whether to resolve another batch: the last one had touches (or none was tried yet), and no drain runs. */
    public boolean goOn(Integer lastBatch) {
        return (lastBatch == null || lastBatch > 0) && !holdOff.getAsBoolean();
    }

    /** Within the caller's transaction. */
    public void enqueue(Connection connection, List<CustomerTouch> touches) throws SQLException {
        if (touches.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_inbox (touch, created_at) VALUES (?, ?)")) {
            Timestamp now = Timestamp.from(clock.instant());
            for (CustomerTouch touch : touches) {
                insert.setString(1, json.writeValueAsString(touch));
                insert.setTimestamp(2, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A customer touch cannot be written as JSON", e);
        }
    }

    /** In a transaction of its own, for touches that have no transaction to join (a rejected order). */
    public void enqueue(List<CustomerTouch> touches) {
        try (Connection connection = hubStore.getConnection()) {
            connection.setAutoCommit(false);
            enqueue(connection, touches);
            connection.commit();
        } catch (SQLException e) {
            throw new HubStoreException("Cannot record " + touches.size() + " customer touch(es): " + e.getMessage(), e);
        }
    }

    /** Resolves up to one batch of waiting touches; the number resolved. */
    public int resolvePending() {
        try (Connection connection = hubStore.getConnection()) {
            connection.setAutoCommit(false);
            try {
                resolver.store().lock(connection);
                List<Long> ids = new ArrayList<>();
                List<CustomerTouch> touches = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, touch FROM customer_inbox ORDER BY id FETCH FIRST " + batchSize + " ROWS ONLY");
                     ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        touches.add(json.readValue(rs.getString(2), CustomerTouch.class));
                    }
                }
                if (!touches.isEmpty()) {
                    resolver.resolveIn(connection, touches);
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM customer_inbox WHERE id = ?")) {
                        for (long id : ids) {
                            delete.setLong(1, id);
                            delete.addBatch();
                        }
                        delete.executeBatch();
                    }
                }
                connection.commit();
                return touches.size();
            } catch (SQLException | RuntimeException | JsonProcessingException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new HubStoreException("Cannot resolve waiting customer touches: " + e.getMessage(), e);
        }
    }

    /** Touches not yet resolved. */
    public long pending() {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM customer_inbox");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new HubStoreException("Cannot count waiting customer touches: " + e.getMessage(), e);
        }
    }
}
