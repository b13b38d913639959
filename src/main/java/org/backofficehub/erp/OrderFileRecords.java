package org.backofficehub.erp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderKey;
import org.backofficehub.store.HubStoreException;
import org.backofficehub.store.Transactions;

/**
 * The hub's record of the order files it wrote for an ERP that imports files: which file holds
 * which order under which reference, and the order itself, which the ERP's confirmation needs
 * followed up (an order the ERP's import refused is in none of its tables).
 */
public final class OrderFileRecords {

    /** One file written. */
    public record Written(Order order, String reference, String fileName) {
    }

    private final DataSource hubStore;
    private final ObjectMapper canonicalJson;
    private final Clock clock;

    public OrderFileRecords(DataSource hubStore, ObjectMapper canonicalJson, Clock clock) {
        this.hubStore = hubStore;
        this.canonicalJson = canonicalJson;
        this.clock = clock;
    }

    /** In one transaction; a file written again (a re-delivery after a crash) replaces its record. */
    public void record(List<Written> written) {
        if (written.isEmpty()) {
            return;
        }
        Transactions.inTransaction(hubStore, "Cannot record " + written.size() + " order file(s)", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM erp_order_file WHERE source = ? AND order_id = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO erp_order_file (source, order_id, reference, file_name,"
                         + " order_json, written_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(clock.instant());
                for (Written file : written) {
                    delete.setString(1, file.order().source());
                    delete.setString(2, file.order().orderId());
                    delete.addBatch();
                    insert.setString(1, file.order().source());
                    insert.setString(2, file.order().orderId());
                    insert.setString(3, file.reference());
                    insert.setString(4, file.fileName());
                    insert.setString(5, json(file.order()));
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The order the hub wrote under this key, if it wrote one. */
    public Optional<Order> find(OrderKey key) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT order_json FROM erp_order_file WHERE source = ? AND order_id = ?")) {
            select.setString(1, key.source());
            select.setString(2, key.orderId());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(canonicalJson.readValue(rs.getString(1), Order.class)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new HubStoreException("Cannot read the order file record of " + key + ": " + e.getMessage(), e);
        }
    }

    private String json(Order order) {
        try {
            return canonicalJson.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An order cannot be written as JSON", e);
        }
    }
}
