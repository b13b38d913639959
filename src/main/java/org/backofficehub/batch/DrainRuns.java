package org.backofficehub.batch;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

import org.backofficehub.store.HubStoreException;
import org.backofficehub.store.Transactions;

/** The last batch drain of each route (table {@code route_drain}), for the console; live counters are kept in memory. */
public final class DrainRuns {

    /** Orders {@code booked} by this run, {@code alreadyBooked} before it; a delivery route's messages {@code delivered}. */
    public record LastRun(Instant at, int booked, int alreadyBooked, int delivered, int failed) {
    }

    private final DataSource hubStore;
    private final Clock clock;

    public DrainRuns(DataSource hubStore, Clock clock) {
        this.hubStore = hubStore;
        this.clock = clock;
    }

    public void record(DrainResult result) {
        Transactions.inTransaction(hubStore, "Cannot record the drain of " + result.routeId(), connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM route_drain WHERE route_id = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO route_drain (route_id, last_run_at, booked, already_booked, delivered, failed) VALUES (?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, result.routeId());
                delete.executeUpdate();
                insert.setString(1, result.routeId());
                insert.setTimestamp(2, Timestamp.from(clock.instant()));
                insert.setInt(3, result.booked());
                insert.setInt(4, result.alreadyBooked());
                insert.setInt(5, result.delivered());
                insert.setInt(6, result.failed());
                insert.executeUpdate();
            }
            return null;
        });
    }

    public Optional<LastRun> lastRun(String routeId) {
        try (var connection = hubStore.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT last_run_at, booked, already_booked, delivered, failed FROM route_drain WHERE route_id = ?")) {
            select.setString(1, routeId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new LastRun(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read the last drain of " + routeId + ": " + e.getMessage(), e);
        }
    }
}
