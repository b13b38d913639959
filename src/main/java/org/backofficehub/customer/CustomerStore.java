package org.backofficehub.customer;

import org.backofficehub.util.Texts;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backofficehub.customer.CustomerRecord.SourceRef;
import org.backofficehub.model.Address;
import org.backofficehub.model.PartyIdentifier;

/**
 * The customer master's tables. Every method works inside the caller's transaction, which holds
 * the customer master lock; lookups take many keys at once (a join against an array parameter, an
 * index probe each, on H2 and PostgreSQL alike).
 */
final class CustomerStore {

    private static final String SOURCE_COLUMNS = "id, system, source_key, origin, customer_id, match_rule, matched_source, "
            + "content_hash, name, email, phone, street, city, postal_code, country, id_scheme, id_value, "
            + "email_key, phone_key, id_key, address_key, name_key, observed_at, linked_at";

    /** The next free ids, read under the lock that serialises every change to the customer master. */
    record Ids(long nextCustomer, long nextSource) {
    }

    Ids lock(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT next_customer_id, next_source_id FROM customer_master_lock WHERE id = 1 FOR UPDATE");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return new Ids(rs.getLong(1), rs.getLong(2));
        }
    }

    void saveIds(Connection connection, Ids ids) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE customer_master_lock SET next_customer_id = ?, next_source_id = ? WHERE id = 1")) {
            update.setLong(1, ids.nextCustomer());
            update.setLong(2, ids.nextSource());
            update.executeUpdate();
        }
    }

    Map<SourceRef, LinkedSource> byRefs(Connection connection, Collection<SourceRef> refs) throws SQLException {
        Map<SourceRef, LinkedSource> found = new HashMap<>();
        if (refs.isEmpty()) {
            return found;
        }
        Set<String> keys = new HashSet<>();
        refs.forEach(ref -> keys.add(ref.sourceKey()));
        for (LinkedSource source : sources(connection, "source_key", varchars(connection, keys))) {
            if (refs.contains(source.record().ref())) {
                found.put(source.record().ref(), source);
            }
        }
        return found;
    }

    /** Source records whose {@code column} (a match key column) has one of the values. */
    List<LinkedSource> byKey(Connection connection, String column, Collection<String> values) throws SQLException {
        return values.isEmpty() ? List.of() : sources(connection, column, varchars(connection, values));
    }

    List<LinkedSource> ofCustomers(Connection connection, Collection<Long> customerIds) throws SQLException {
        return customerIds.isEmpty() ? List.of()
                : sources(connection, "customer_id", connection.createArrayOf("BIGINT", customerIds.toArray()));
    }

    List<LinkedSource> byIds(Connection connection, Collection<Long> sourceIds) throws SQLException {
        return sourceIds.isEmpty() ? List.of()
                : sources(connection, "id", connection.createArrayOf("BIGINT", sourceIds.toArray()));
    }

    /**
     * Source records whose {@code column} equals one of {@code values}. A join against the unnested
     * array, not {@code = ANY(?)}: H2 checks ANY by scanning the array for every row it finds.
     */
    private List<LinkedSource> sources(Connection connection, String column, Array values) throws SQLException {
        List<LinkedSource> sources = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT s." + SOURCE_COLUMNS.replace(", ", ", s.")
                + " FROM UNNEST(?) AS wanted (v) JOIN customer_source s ON s." + column + " = wanted.v")) {
            select.setArray(1, values);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sources.add(source(rs));
                }
            }
        }
        return sources;
    }

    private static LinkedSource source(ResultSet rs) throws SQLException {
        Address address = rs.getString("street") == null && rs.getString("city") == null && rs.getString("postal_code") == null
                && rs.getString("country") == null
                ? null : new Address(rs.getString("street"), rs.getString("city"), rs.getString("postal_code"), rs.getString("country"));
        PartyIdentifier identifier = rs.getString("id_scheme") == null ? null
                : new PartyIdentifier(PartyIdentifier.Scheme.valueOf(rs.getString("id_scheme")), rs.getString("id_value"));
        CustomerRecord record = new CustomerRecord(rs.getString("system"), rs.getString("source_key"), Origin.valueOf(rs.getString("origin")),
                rs.getString("name"), rs.getString("email"), rs.getString("phone"), address, identifier,
                rs.getTimestamp("observed_at").toInstant());
        String nameKey = rs.getString("name_key");
        MatchProfile profile = new MatchProfile(rs.getString("email_key"), rs.getString("phone_key"), rs.getString("id_key"),
                rs.getString("address_key"), nameKey, nameKey == null ? null : NameKeys.sortedTokens(nameKey));
        long matched = rs.getLong("matched_source");
        Long matchedSource = rs.wasNull() ? null : matched;
        return new LinkedSource(rs.getLong("id"), rs.getLong("customer_id"), record, profile, MatchRule.ofLabel(rs.getString("match_rule")),
                matchedSource, rs.getString("content_hash"), rs.getTimestamp("linked_at").toInstant());
    }

    void insertSources(Connection connection, List<LinkedSource> sources) throws SQLException {
        if (sources.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_source (" + SOURCE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LinkedSource source : sources) {
                CustomerRecord r = source.record();
                MatchProfile p = source.profile();
                Address a = r.address();
                int i = 1;
                insert.setLong(i++, source.id());
                insert.setString(i++, r.system());
                insert.setString(i++, r.sourceKey());
                insert.setString(i++, r.origin().name());
                insert.setLong(i++, source.customerId());
                insert.setString(i++, source.rule().label());
                setLong(insert, i++, source.matchedSource());
                insert.setString(i++, source.contentHash());
                insert.setString(i++, Texts.clip(r.name(), 200));
                insert.setString(i++, Texts.clip(r.email(), 254));
                insert.setString(i++, Texts.clip(r.phone(), 40));
                insert.setString(i++, a == null ? null : Texts.clip(a.street(), 200));
                insert.setString(i++, a == null ? null : Texts.clip(a.city(), 100));
                insert.setString(i++, a == null ? null : Texts.clip(a.postalCode(), 20));
                insert.setString(i++, a == null ? null : Texts.clip(a.country(), 2));
                insert.setString(i++, r.identifier() == null ? null : r.identifier().scheme().name());
                insert.setString(i++, r.identifier() == null ? null : Texts.clip(r.identifier().value(), 35));
                insert.setString(i++, Texts.clip(p.emailKey(), 254));
                insert.setString(i++, p.phoneKey());
                insert.setString(i++, Texts.clip(p.idKey(), 120));
                insert.setString(i++, Texts.clip(p.addressKey(), 260));
                insert.setString(i++, Texts.clip(p.nameKey(), 200));
                insert.setTimestamp(i++, Timestamp.from(r.observedAt()));
                insert.setTimestamp(i, Timestamp.from(source.linkedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Replaces a source record that changed in its system (an ERP customer's new address) by its new content. */
    void replaceSources(Connection connection, List<LinkedSource> sources) throws SQLException {
        if (sources.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM customer_source WHERE id = ?")) {
            for (LinkedSource source : sources) {
                delete.setLong(1, source.id());
                delete.addBatch();
            }
            delete.executeBatch();
        }
        insertSources(connection, sources);
    }

    void relinkSources(Connection connection, Collection<Long> sourceIds, long customerId, MatchRule rule) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE customer_source SET customer_id = ?, match_rule = ?, matched_source = NULL WHERE id = ?");
             PreparedStatement events = connection.prepareStatement("UPDATE customer_event SET customer_id = ? WHERE source_id = ?")) {
            for (long sourceId : sourceIds) {
                update.setLong(1, customerId);
                update.setString(2, rule.label());
                update.setLong(3, sourceId);
                update.addBatch();
                events.setLong(1, customerId);
                events.setLong(2, sourceId);
                events.addBatch();
            }
            update.executeBatch();
            events.executeBatch();
        }
    }

    /** Everything of customer {@code from} moves to {@code into}; {@code from} stays as a pointer to it. */
    void merge(Connection connection, long from, long into, Instant now) throws SQLException {
        for (String sql : List.of(
                "UPDATE customer_source SET customer_id = ? WHERE customer_id = ?",
                "UPDATE customer_event SET customer_id = ? WHERE customer_id = ?",
                "UPDATE customer SET merged_into = ? WHERE merged_into = ?",
                "UPDATE customer_separation SET customer_a = ? WHERE customer_a = ?",
                "UPDATE customer_separation SET customer_b = ? WHERE customer_b = ?")) {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setLong(1, into);
                update.setLong(2, from);
                update.executeUpdate();
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE customer SET merged_into = ?, source_count = 0, updated_at = ? WHERE id = ?")) {
            update.setLong(1, into);
            update.setTimestamp(2, Timestamp.from(now));
            update.setLong(3, from);
            update.executeUpdate();
        }
    }

    /** Which of these customers already have a golden row. */
    Set<Long> existingCustomers(Connection connection, Collection<Long> ids) throws SQLException {
        Set<Long> existing = new HashSet<>();
        if (ids.isEmpty()) {
            return existing;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT c.id FROM UNNEST(?) AS wanted (v) JOIN customer c ON c.id = wanted.v")) {
            select.setArray(1, connection.createArrayOf("BIGINT", ids.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getLong(1));
                }
            }
        }
        return existing;
    }

    void writeGolden(Connection connection, List<GoldenRecord> inserts, List<GoldenRecord> updates, Instant now) throws SQLException {
        if (!inserts.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer (name, email, phone, street, city, "
                    + "postal_code, country, gln, duns, erp_number, name_key, source_count, updated_at, id, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (GoldenRecord golden : inserts) {
                    bindGolden(insert, golden, now);
                    insert.setTimestamp(15, Timestamp.from(now));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE customer SET name = ?, email = ?, phone = ?, "
                    + "street = ?, city = ?, postal_code = ?, country = ?, gln = ?, duns = ?, erp_number = ?, name_key = ?, "
                    + "source_count = ?, updated_at = ?, merged_into = NULL WHERE id = ?")) {
                for (GoldenRecord golden : updates) {
                    bindGolden(update, golden, now);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }

    private static void bindGolden(PreparedStatement statement, GoldenRecord golden, Instant now) throws SQLException {
        Address a = golden.address();
        int i = 1;
        statement.setString(i++, Texts.clip(golden.name(), 200));
        statement.setString(i++, Texts.clip(golden.email(), 254));
        statement.setString(i++, Texts.clip(golden.phone(), 40));
        statement.setString(i++, a == null ? null : Texts.clip(a.street(), 200));
        statement.setString(i++, a == null ? null : Texts.clip(a.city(), 100));
        statement.setString(i++, a == null ? null : Texts.clip(a.postalCode(), 20));
        statement.setString(i++, a == null ? null : Texts.clip(a.country(), 2));
        statement.setString(i++, Texts.clip(golden.gln(), 35));
        statement.setString(i++, Texts.clip(golden.duns(), 35));
        statement.setString(i++, Texts.clip(golden.erpNumber(), 35));
        statement.setString(i++, Texts.clip(golden.nameKey(), 200));
        statement.setInt(i++, golden.sourceCount());
        statement.setTimestamp(i++, Timestamp.from(now));
        statement.setLong(i, golden.id());
    }

    Set<String> existingEventKeys(Connection connection, Collection<String> keys) throws SQLException {
        Set<String> existing = new HashSet<>();
        if (keys.isEmpty()) {
            return existing;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT e.event_key FROM UNNEST(?) AS wanted (v) JOIN customer_event e ON e.event_key = wanted.v")) {
            select.setArray(1, varchars(connection, keys));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
        }
        return existing;
    }

    /** The customer and source record each order was recorded against: {customer id, source id} by order reference. */
    Map<String, long[]> orderEvents(Connection connection, Collection<String> references) throws SQLException {
        Map<String, long[]> found = new HashMap<>();
        if (references.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT e.reference, e.customer_id, e.source_id FROM UNNEST(?) AS wanted (v) JOIN customer_event e ON e.reference = wanted.v WHERE e.kind = '" + ContactEvent.ORDER + "'")) {
            select.setArray(1, varchars(connection, references));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return found;
    }

    /** An event to insert, with the customer and source record resolved. */
    record ResolvedEvent(ContactEvent event, long customerId, long sourceId) {
    }

    void insertEvents(Connection connection, List<ResolvedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_event (event_key, customer_id, source_id, "
                + "kind, channel, reference, amount, currency, detail, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ResolvedEvent resolved : events) {
                ContactEvent e = resolved.event();
                insert.setString(1, Texts.clip(e.eventKey(), 200));
                insert.setLong(2, resolved.customerId());
                insert.setLong(3, resolved.sourceId());
                insert.setString(4, e.kind());
                insert.setString(5, Texts.clip(e.channel(), 40));
                insert.setString(6, Texts.clip(e.reference(), 100));
                insert.setBigDecimal(7, e.amount());
                insert.setString(8, e.currency());
                insert.setString(9, Texts.clip(e.detail(), 1000));
                insert.setTimestamp(10, Timestamp.from(e.occurredAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Pairs of customers an administrator split; tiny, so read whole. */
    Set<Separation> separations(Connection connection) throws SQLException {
        Set<Separation> separations = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT customer_a, customer_b FROM customer_separation");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                separations.add(Separation.of(rs.getLong(1), rs.getLong(2)));
            }
        }
        return separations;
    }

    void separate(Connection connection, long a, long b, Instant now) throws SQLException {
        Separation pair = Separation.of(a, b);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO customer_separation (customer_a, customer_b, created_at) VALUES (?, ?, ?)")) {
            insert.setLong(1, pair.low());
            insert.setLong(2, pair.high());
            insert.setTimestamp(3, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    void forgetSeparation(Connection connection, long a, long b) throws SQLException {
        Separation pair = Separation.of(a, b);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM customer_separation WHERE customer_a = ? AND customer_b = ?")) {
            delete.setLong(1, pair.low());
            delete.setLong(2, pair.high());
            delete.executeUpdate();
        }
    }

    /** Two customers that must stay apart, in a canonical order. */
    record Separation(long low, long high) {
        static Separation of(long a, long b) {
            return new Separation(Math.min(a, b), Math.max(a, b));
        }
    }

    private static Array varchars(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("VARCHAR", values.toArray());
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
