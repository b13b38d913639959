package org.backofficehub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Sizes issue 5's H2 budget: how long H2 takes only to write what a 1,000,000-record import
 * leaves behind (1,000,000 customer_source rows, 700,000 customers), no matching at all, in the
 * customer master's own schema (V4). Layouts ({@code bench.h2-layout}):
 * <ul>
 *   <li>{@code schema}: as migrated, all six indexes maintained while inserting (what the importer does);</li>
 *   <li>{@code indexes-after}: the four blocking-key indexes and customer.name_key created after the load;</li>
 *   <li>{@code key-table}: no blocking-key columns indexed; instead three hashed keys per source in a
 *       narrow table, inserted sorted by key.</li>
 * </ul>
 */
public final class H2BulkWriteProbe {

    private static final int BATCH = 5_000;
    private static final int COMMIT = 50_000;

    public static void main(String[] args) throws Exception {
        String layout = System.getProperty("bench.h2-layout", "schema");
        int sources = Integer.getInteger("bench.customers", 1_000_000);
        Path dir = Files.createTempDirectory("hub-h2-bulk-");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("hub"), "sa", "")) {
            List<String> deferred = createSchema(connection, layout);
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            long[] keys = writeRows(connection, sources, layout.equals("key-table"));
            long rowsDone = System.nanoTime();
            if (keys != null) {
                writeSortedKeys(connection, keys);
            }
            long keysDone = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                for (String index : deferred) {
                    statement.execute(index);
                }
            }
            connection.commit();
            long end = System.nanoTime();
            System.out.printf("H2 bulk write, layout %s, %,d sources: rows %.1f s, key table %.1f s, indexes after %.1f s, total %.1f s%n",
                    layout, sources, (rowsDone - start) / 1e9, (keysDone - rowsDone) / 1e9, (end - keysDone) / 1e9, (end - start) / 1e9);
        } finally {
            HubProcess.delete(dir);
        }
    }

    /** The V4 migration, with the indexes the layout leaves out returned to create after the load. */
    private static List<String> createSchema(Connection connection, String layout) throws IOException, SQLException {
        String ddl;
        try (InputStream in = H2BulkWriteProbe.class.getClassLoader().getResourceAsStream("db/hub/V4__customer_master.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("--[^\n]*", "");
        }
        List<String> deferred = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl.split(";")) {
                sql = sql.trim();
                boolean blockingIndex = sql.startsWith("CREATE INDEX") && !sql.contains("customer_source_customer");
                if (sql.isEmpty() || (blockingIndex && layout.equals("key-table"))) {
                    continue;
                }
                if (blockingIndex && layout.equals("indexes-after")) {
                    deferred.add(sql);
                } else {
                    statement.execute(sql);
                }
            }
            if (layout.equals("key-table")) {
                statement.execute("CREATE TABLE customer_key (key_hash BIGINT NOT NULL, source_id BIGINT NOT NULL, PRIMARY KEY (key_hash, source_id))");
            }
        }
        return deferred;
    }

    /** Writes the rows; with a key table, returns its (hash, source) pairs packed into longs, unsorted. */
    private static long[] writeRows(Connection connection, int sources, boolean keyTable) throws SQLException {
        long[] keys = keyTable ? new long[sources * 3] : null;
        int keyCount = 0;
        int customers = sources * 7 / 10;
        Timestamp now = new Timestamp(System.currentTimeMillis());
        Random random = new Random(1);
        try (PreparedStatement source = connection.prepareStatement("INSERT INTO customer_source (id, system, source_key, origin,"
                + " customer_id, match_rule, matched_source, content_hash, name, email, phone, street, city, postal_code, country,"
                + " id_scheme, id_value, email_key, phone_key, id_key, address_key, name_key, observed_at, linked_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement customer = connection.prepareStatement("INSERT INTO customer (id, merged_into, name, email, phone, street,"
                     + " city, postal_code, country, gln, duns, erp_number, name_key, source_count, created_at, updated_at)"
                     + " VALUES (?,NULL,?,?,?,?,?,?,?,NULL,NULL,?,?,1,?,?)")) {
            for (int id = 1; id <= sources; id++) {
                long customerId = id <= customers ? id : 1 + random.nextInt(customers);
                String name = "Name " + Long.toHexString(random.nextLong());
                String email = Long.toHexString(random.nextLong()) + "@example.com";
                String phone = "+49" + (100_000_000L + random.nextInt(899_999_999));
                String postalCode = String.valueOf(10_000 + random.nextInt(89_999));
                source.setLong(1, id);
                source.setString(2, "ERP");
                source.setString(3, "K" + id);
                source.setString(4, "ERP");
                source.setLong(5, customerId);
                source.setString(6, "new");
                source.setNull(7, Types.BIGINT);
                source.setString(8, Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
                source.setString(9, name);
                source.setString(10, email);
                source.setString(11, phone);
                source.setString(12, "Street " + random.nextInt(1000));
                source.setString(13, "City");
                source.setString(14, postalCode);
                source.setString(15, "DE");
                source.setNull(16, Types.VARCHAR);
                source.setNull(17, Types.VARCHAR);
                source.setString(18, email);
                source.setString(19, phone);
                source.setNull(20, Types.VARCHAR);
                source.setString(21, "addr" + Long.toHexString(random.nextLong()));
                source.setString(22, name.toLowerCase());
                source.setTimestamp(23, now);
                source.setTimestamp(24, now);
                source.addBatch();
                if (id <= customers) {
                    customer.setLong(1, id);
                    customer.setString(2, name);
                    customer.setString(3, email);
                    customer.setString(4, phone);
                    customer.setString(5, "Street");
                    customer.setString(6, "City");
                    customer.setString(7, postalCode);
                    customer.setString(8, "DE");
                    customer.setString(9, "K" + id);
                    customer.setString(10, name.toLowerCase());
                    customer.setTimestamp(11, now);
                    customer.setTimestamp(12, now);
                    customer.addBatch();
                }
                if (keys != null) {
                    for (String key : new String[] {email, phone, name.toLowerCase()}) {
                        keys[keyCount++] = (hash(key) & ~SOURCE_BITS) | id;
                    }
                }
                if (id % BATCH == 0) {
                    source.executeBatch();
                    customer.executeBatch();
                }
                if (id % COMMIT == 0) {
                    connection.commit();
                }
            }
            source.executeBatch();
            customer.executeBatch();
            connection.commit();
        }
        return keys;
    }

    /** The low 20 bits carry the source id (up to 1,048,575), the rest the key's hash. */
    private static final long SOURCE_BITS = 0xFFFFFL;

    private static long hash(String key) {
        return key.hashCode() * 0x9E3779B97F4A7C15L + key.length();
    }

    private static void writeSortedKeys(Connection connection, long[] keys) throws SQLException {
        Arrays.sort(keys);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_key (key_hash, source_id) VALUES (?, ?)")) {
            for (int i = 0; i < keys.length; i++) {
                insert.setLong(1, keys[i] & ~SOURCE_BITS);
                insert.setLong(2, keys[i] & SOURCE_BITS);
                insert.addBatch();
                if (i % BATCH == BATCH - 1) {
                    insert.executeBatch();
                }
                if (i % COMMIT == COMMIT - 1) {
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }
}
