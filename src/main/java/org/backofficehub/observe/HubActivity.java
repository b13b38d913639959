package org.backofficehub.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.backofficehub.store.HubStoreException;

/**
 * What the hub has done lately, from its own store, for the console's dashboard: orders booked per
 * hour by source, failures by route and problem, interchanges per partner and the last drains.
 * Read when the dashboard asks, never on the booking path; each query reads one period.
 */
public final class HubActivity {

    /** Orders booked per hour of {@code hours}, per source: the counts in hour order. */
    public record OrdersPerHour(List<Instant> hours, Map<String, long[]> bySource) {
    }

    public record Count(String key, String detail, long count) {
    }

    public record PartnerInterchanges(String partner, long received, long rejected, long sent, long acknowledgementsAwaited) {
    }

    public record Drain(String routeId, Instant lastRunAt, int booked, int failed) {
    }

    private final DataSource hubStore;

    public HubActivity(DataSource hubStore) {
        this.hubStore = hubStore;
    }

    public OrdersPerHour ordersPerHour(Instant now, int hours) {
        Instant first = now.truncatedTo(ChronoUnit.HOURS).minus(hours - 1L, ChronoUnit.HOURS);
        List<Instant> buckets = new ArrayList<>();
        for (int i = 0; i < hours; i++) {
            buckets.add(first.plus(i, ChronoUnit.HOURS));
        }
        Map<String, long[]> bySource = new TreeMap<>();
        // Bucketed here rather than in SQL: H2 and PostgreSQL truncate timestamps differently.
        query("SELECT source, booked_at FROM order_booking WHERE state = 'BOOKED' AND booked_at >= ?", first, rs -> {
            int hour = (int) ChronoUnit.HOURS.between(first, rs.getTimestamp(2).toInstant());
            if (hour >= 0 && hour < hours) {
                bySource.computeIfAbsent(rs.getString(1), source -> new long[hours])[hour]++;
            }
            return null;
        });
        return new OrdersPerHour(buckets, bySource);
    }

    /** Failures recorded since {@code from}, by route and problem. */
    public List<Count> failures(Instant from) {
        return query("SELECT route_id, problem, COUNT(*) FROM failure WHERE created_at >= ? GROUP BY route_id, problem", from,
                rs -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    /** Interchanges since {@code from} per partner: received, of those rejected, sent, and sent awaiting the partner's acknowledgement. */
    public List<PartnerInterchanges> interchanges(Instant from) {
        Map<String, long[]> byPartner = new TreeMap<>();
        query("SELECT partner_id, direction, state, ack_status, COUNT(*) FROM edi_interchange WHERE created_at >= ?"
                + " GROUP BY partner_id, direction, state, ack_status", from, rs -> {
            long[] counts = byPartner.computeIfAbsent(rs.getString(1), partner -> new long[4]);
            long n = rs.getLong(5);
            if ("in".equals(rs.getString(2))) {
                counts[0] += n;
                counts[1] += "rejected".equals(rs.getString(3)) ? n : 0;
            } else {
                counts[2] += n;
                counts[3] += "awaited".equals(rs.getString(4)) ? n : 0;
            }
            return null;
        });
        List<PartnerInterchanges> partners = new ArrayList<>();
        byPartner.forEach((partner, c) -> partners.add(new PartnerInterchanges(partner, c[0], c[1], c[2], c[3])));
        return partners;
    }

    /** The last received and last sent interchange of each partner, ever. */
    public Map<String, Map<String, Instant>> lastInterchanges() {
        Map<String, Map<String, Instant>> last = new LinkedHashMap<>();
        query("SELECT partner_id, direction, MAX(created_at) FROM edi_interchange WHERE created_at >= ? GROUP BY partner_id, direction",
                Instant.EPOCH, rs -> last.computeIfAbsent(rs.getString(1), partner -> new TreeMap<>())
                        .put("in".equals(rs.getString(2)) ? "lastReceived" : "lastSent", rs.getTimestamp(3).toInstant()));
        return last;
    }

    public List<Drain> drains() {
        return query("SELECT route_id, last_run_at, booked, failed FROM route_drain WHERE last_run_at >= ? ORDER BY route_id", Instant.EPOCH,
                rs -> new Drain(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getInt(4)));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Instant from, Row<T> row) {
        try (Connection connection = hubStore.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setTimestamp(1, Timestamp.from(from));
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    T value = row.read(rs);
                    if (value != null) {
                        rows.add(value);
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read the hub's activity: " + e.getMessage(), e);
        }
    }
}
