package org.backofficehub.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.backofficehub.store.HubStoreException;
import org.backofficehub.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets tracked documents older than {@code hub.tracking.retention}, and then the payloads no
 * tracked document names any more. A document whose file has an open failure stays (an operator
 * still has to replay or discard it), and so does its payload. The records the hub needs to work
 * (bookings, interchanges, invoices...) are not tracking's to delete: only what tracking added.
 */
public final class TrackingRetention {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingRetention.class);

    private final DataSource hubStore;
    private final PayloadStore payloads;
    private final Clock clock;
    private final Duration retention;

    public TrackingRetention(DataSource hubStore, PayloadStore payloads, Clock clock, Duration retention) {
        this.hubStore = hubStore;
        this.payloads = payloads;
        this.clock = clock;
        this.retention = retention;
    }

    /** Deletes what is past retention; answers how many documents and payloads went. */
    public Map<String, Object> clean() {
        Instant cutoff = clock.instant().minus(retention);
        Set<String> hashes = new HashSet<>();
        int documents = Transactions.inTransaction(hubStore, "Cannot clean up tracked documents", connection -> {
            String expired = "FROM tracked_document d WHERE d.created_at < ? AND NOT EXISTS (SELECT 1 FROM failure f"
                    + " WHERE f.state = 'open' AND f.file_name IS NOT NULL AND f.file_name = d.file_name)";
            hashes.addAll(Rows.query(connection, "SELECT DISTINCT d.payload_hash " + expired + " AND d.payload_hash IS NOT NULL",
                    row -> row.getString(1), cutoff));
            try (PreparedStatement orders = connection.prepareStatement("DELETE FROM tracked_order WHERE document_id IN (SELECT d.id "
                    + expired + ")");
                 PreparedStatement rows = connection.prepareStatement("DELETE FROM tracked_document WHERE id IN (SELECT d.id " + expired + ")")) {
                orders.setTimestamp(1, Timestamp.from(cutoff));
                orders.executeUpdate();
                rows.setTimestamp(1, Timestamp.from(cutoff));
                return rows.executeUpdate();
            }
        });
        int removed = removeUnreferenced(hashes);
        if (documents > 0 || removed > 0) {
            LOG.info("Tracking retention ({}): {} document record(s) and {} payload(s) older than {} removed", retention, documents, removed,
                    cutoff);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("documents", documents);
        result.put("payloads", removed);
        result.put("before", cutoff);
        return result;
    }

    /** The payloads of the documents removed that no remaining document names (the same bytes may have come again since). */
    private int removeUnreferenced(Set<String> hashes) {
        if (hashes.isEmpty()) {
            return 0;
        }
        List<String> candidates = List.copyOf(hashes);
        Set<String> referenced = new HashSet<>();
        try (Connection connection = hubStore.getConnection()) {
            for (int from = 0; from < candidates.size(); from += 500) {
                List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + 500));
                referenced.addAll(Rows.query(connection, "SELECT DISTINCT payload_hash FROM tracked_document WHERE payload_hash IN ("
                        + "?, ".repeat(chunk.size() - 1) + "?)", row -> row.getString(1), chunk.toArray()));
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read which payloads are tracked: " + e.getMessage(), e);
        }
        int removed = 0;
        for (String hash : candidates) {
            if (!referenced.contains(hash)) {
                payloads.delete(hash);
                removed++;
            }
        }
        return removed;
    }
}
