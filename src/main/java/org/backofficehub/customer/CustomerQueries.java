package org.backofficehub.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.backofficehub.model.Address;
import org.backofficehub.model.PartyIdentifier;
import org.backofficehub.store.HubStoreException;

/** Reads the customer master: one customer in full, searches, and the best-customers report. */
public final class CustomerQueries {

    private static final int MAX_LISTED = 50;
    private final DataSource hubStore;
    private final CustomerResolver resolver;

    public CustomerQueries(DataSource hubStore, CustomerResolver resolver) {
        this.hubStore = hubStore;
        this.resolver = resolver;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomerView(long id, Long requestedId, String name, String email, String phone, Address address, String gln,
                               String duns, String erpNumber, Map<String, Long> provenance, List<Long> mergedFrom,
                               List<SourceView> sources, List<EventView> history) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceView(long id, String system, String origin, String sourceKey, String rule, Long matchedSource, String name,
                             String email, String phone, Address address, PartyIdentifier identifier, Instant observedAt,
                             Instant linkedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventView(String kind, String channel, String reference, BigDecimal amount, String currency, String detail,
                            Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomerSummary(long id, String name, String email, String phone, String city, String country, int sources) {
    }

    public record Ranked(int rank, long customerId, String name, long orders, BigDecimal revenue, String currency) {
    }

    /** The customer, following merges: asking for a merged-away id answers with the survivor. */
    public Optional<CustomerView> find(long id) {
        try (Connection connection = hubStore.getConnection()) {
            Long current = id;
            for (int hops = 0; hops < 100; hops++) {
                Long mergedInto = mergedInto(connection, current);
                if (mergedInto == null) {
                    break;
                }
                current = mergedInto;
            }
            if (!exists(connection, current)) {
                return Optional.empty();
            }
            List<LinkedSource> sources = new ArrayList<>(resolver.store().ofCustomers(connection, List.of(current)));
            sources.sort(Comparator.comparingLong(LinkedSource::id));
            GoldenRecord golden = resolver.golden(current, sources);
            return Optional.of(new CustomerView(current, current == id ? null : id, golden.name(), golden.email(), golden.phone(),
                    golden.address(), golden.gln(), golden.duns(), golden.erpNumber(), golden.provenance(),
                    longs(connection, "SELECT id FROM customer WHERE merged_into = ? ORDER BY id", current),
                    sources.stream().map(CustomerQueries::view).toList(), history(connection, current)));
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read customer " + id + ": " + e.getMessage(), e);
        }
    }

    private static SourceView view(LinkedSource s) {
        CustomerRecord r = s.record();
        return new SourceView(s.id(), r.system(), r.origin().name(), r.sourceKey(), s.rule().label(), s.matchedSource(), r.name(),
                r.email(), r.phone(), r.address(), r.identifier(), r.observedAt(), s.linkedAt());
    }

    private static Long mergedInto(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT merged_into FROM customer WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long into = rs.getLong(1);
                return rs.wasNull() ? null : into;
            }
        }
    }

    private static boolean exists(Connection connection, long id) throws SQLException {
        return !longs(connection, "SELECT id FROM customer WHERE id = ?", id).isEmpty();
    }

    private static List<EventView> history(Connection connection, long customer) throws SQLException {
        List<EventView> history = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT kind, channel, reference, amount, currency, detail, "
                + "occurred_at FROM customer_event WHERE customer_id = ? ORDER BY occurred_at, id")) {
            select.setLong(1, customer);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    history.add(new EventView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return history;
    }

    /**
     * Customers with this e-mail address or phone number (in any spelling), or whose name contains
     * these words; without any of them, the newest customers.
     */
    public List<CustomerSummary> search(String email, String phone, String name) {
        String sql;
        String value;
        if (email != null) {
            sql = "SELECT DISTINCT customer_id FROM customer_source WHERE email_key = ?";
            value = ContactKeys.email(email);
        } else if (phone != null) {
            sql = "SELECT DISTINCT customer_id FROM customer_source WHERE phone_key = ?";
            value = ContactKeys.phone(phone, null, resolver.defaultRegion());
        } else if (name != null) {
            sql = "SELECT id FROM customer WHERE merged_into IS NULL AND name_key LIKE ?";
            value = NameKeys.name(name) == null ? null : "%" + NameKeys.name(name) + "%";
        } else {
            // No term: the newest golden customers, as a list to browse from.
            sql = "SELECT id FROM customer WHERE merged_into IS NULL";
            value = null;
        }
        boolean browsing = email == null && phone == null && name == null;
        if (value == null && !browsing) {
            return List.of();
        }
        try (Connection connection = hubStore.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT c.id, c.name, c.email, c.phone, c.city, c.country, "
                     + "c.source_count FROM customer c WHERE c.id IN (" + sql + ") ORDER BY c.id " + (browsing ? "DESC" : "")
                     + " FETCH FIRST " + MAX_LISTED + " ROWS ONLY")) {
            if (!browsing) {
                select.setString(1, value);
            }
            List<CustomerSummary> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new CustomerSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getInt(7)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot search customers: " + e.getMessage(), e);
        }
    }

    /** Who bought most in [from, to): by revenue in {@code currency} or by number of orders. */
    public List<Ranked> bestCustomers(Instant from, Instant to, boolean byRevenue, String currency, int limit) {
        String order = byRevenue ? "revenue DESC, orders DESC" : "orders DESC, revenue DESC";
        try (Connection connection = hubStore.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT e.customer_id, c.name, COUNT(*) AS orders, "
                     + "COALESCE(SUM(CASE WHEN e.currency = ? THEN e.amount END), 0) AS revenue "
                     + "FROM customer_event e JOIN customer c ON c.id = e.customer_id "
                     + "WHERE e.kind = '" + ContactEvent.ORDER + "' AND e.occurred_at >= ? AND e.occurred_at < ? "
                     + "GROUP BY e.customer_id, c.name ORDER BY " + order + ", e.customer_id FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setString(1, currency);
            select.setTimestamp(2, Timestamp.from(from));
            select.setTimestamp(3, Timestamp.from(to));
            List<Ranked> ranking = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ranking.add(new Ranked(ranking.size() + 1, rs.getLong(1), rs.getString(2), rs.getLong(3),
                            rs.getBigDecimal(4).setScale(2, java.math.RoundingMode.HALF_UP), currency));
                }
            }
            return ranking;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot rank customers: " + e.getMessage(), e);
        }
    }

    private static List<Long> longs(Connection connection, String sql, long parameter) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
        }
        return values;
    }
}
