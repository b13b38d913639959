package org.backofficehub.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Sizes issue 5's budget: how long a database takes only to write what a 1,000,000-record import
 * leaves behind (1,000,000 customer_source rows, 700,000 customers), no matching at all, in the
 * customer master's own schema (V4). H2 gets JDBC batches; PostgreSQL gets COPY, its fastest
 * load path. Layouts ({@code bench.layout}):
 * <ul>
 *   <li>{@code schema}: as migrated, all six indexes maintained while inserting (what the importer does);</li>
 *   <li>{@code indexes-after}: the secondary indexes created after the load;</li>
 *   <li>{@code key-table}: no blocking-key columns indexed; instead three hashed keys per source in a
 *       narrow table, inserted sorted by key;</li>
 *   <li>{@code rows-only}: primary keys only, no other index or constraint: the floor under any layout
 *       that keeps these rows;</li>
 *   <li>{@code rows-and-ref}: primary keys and the unique {@code (source_key, system)} that makes replays
 *       idempotent, no other index.</li>
 * </ul>
 */
public final class BulkWriteProbe {

    private static final int BATCH = 5_000;
    private static final int COMMIT = 50_000;
    private static final String SOURCE_COLUMNS = "id, system, source_key, origin, customer_id, match_rule, matched_source,"
            + " content_hash, name, email, phone, street, city, postal_code, country, id_scheme, id_value, email_key, phone_key,"
            + " id_key, address_key, name_key, observed_at, linked_at";
    private static final String CUSTOMER_COLUMNS = "id, merged_into, name, email, phone, street, city, postal_code, country, gln,"
            + " duns, erp_number, name_key, source_count, created_at, updated_at";

    public static void main(String[] args) throws Exception {
        String database = System.getProperty("bench.database", "h2");
        String layout = System.getProperty("bench.layout", System.getProperty("bench.h2-layout", "schema"));
        int sources = Integer.getInteger("bench.customers", 1_000_000);
        Path dir = Files.createTempDirectory("hub-bulk-write-");
        try (EmbeddedPostgres postgres = database.equals("postgres") ? postgres() : null;
             Connection connection = postgres != null ? postgres.getPostgresDatabase().getConnection()
                     : DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("hub"), "sa", "")) {
            List<String> deferred = createSchema(connection, layout);
            connection.setAutoCommit(false);
            RowWriter writer = postgres != null ? new CopyWriter(connection) : new BatchWriter(connection);
            long start = System.nanoTime();
            long[] keys = writeRows(writer, sources, layout.equals("key-table"));
            long rowsDone = System.nanoTime();
            if (keys != null) {
                writeSortedKeys(writer, keys);
            }
            long keysDone = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                for (String index : deferred) {
                    statement.execute(index);
                }
            }
            connection.commit();
            long end = System.nanoTime();
            System.out.printf("Bulk write into %s, layout %s, %,d sources: rows %.1f s, key table %.1f s, indexes after %.1f s, total %.1f s%n",
                    database, layout, sources, (rowsDone - start) / 1e9, (keysDone - rowsDone) / 1e9, (end - keysDone) / 1e9,
                    (end - start) / 1e9);
        } finally {
            HubProcess.delete(dir);
        }
    }

    /** The embedded server, with {@code bench.pg-config} (e.g. {@code max_wal_size=4GB,shared_buffers=512MB}) applied. */
    private static EmbeddedPostgres postgres() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        for (String setting : System.getProperty("bench.pg-config", "").split(",")) {
            if (setting.contains("=")) {
                builder.setServerConfig(setting.substring(0, setting.indexOf('=')).trim(), setting.substring(setting.indexOf('=') + 1).trim());
            }
        }
        return builder.start();
    }

    /** The V4 migration, with the indexes the layout leaves out returned to create after the load. */
    private static List<String> createSchema(Connection connection, String layout) throws IOException, SQLException {
        String ddl;
        try (InputStream in = BulkWriteProbe.class.getClassLoader().getResourceAsStream("db/hub/V4__customer_master.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("--[^\n]*", "");
        }
        if (layout.equals("rows-only")) {
            ddl = ddl.replaceAll(",\\s*CONSTRAINT customer_source_ref UNIQUE \\(source_key, system\\)", "");
        }
        List<String> deferred = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl.split(";")) {
                sql = sql.trim();
                boolean index = sql.startsWith("CREATE INDEX");
                boolean blockingIndex = index && !sql.contains("customer_source_customer");
                if (sql.isEmpty() || (index && layout.startsWith("rows-")) || (blockingIndex && layout.equals("key-table"))) {
                    continue;
                }
                if (index && layout.equals("indexes-after")) {
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
    private static long[] writeRows(RowWriter writer, int sources, boolean keyTable) throws SQLException {
        long[] keys = keyTable ? new long[sources * 3] : null;
        int keyCount = 0;
        int customers = sources * 7 / 10;
        Timestamp now = new Timestamp(System.currentTimeMillis());
        Random random = new Random(1);
        for (int id = 1; id <= sources; id++) {
            long customerId = id <= customers ? id : 1 + random.nextInt(customers);
            String name = "Name " + Long.toHexString(random.nextLong());
            String email = Long.toHexString(random.nextLong()) + "@example.com";
            String phone = "+49" + (100_000_000L + random.nextInt(899_999_999));
            String postalCode = String.valueOf(10_000 + random.nextInt(89_999));
            String contentHash = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            String street = "Street " + random.nextInt(1000);
            String addressKey = "addr" + Long.toHexString(random.nextLong());
            writer.source(new Object[] {(long) id, "ERP", "K" + id, "ERP", customerId, "new", null, contentHash, name, email, phone,
                    street, "City", postalCode, "DE", null, null, email, phone, null, addressKey, name.toLowerCase(), now, now});
            if (id <= customers) {
                writer.customer(new Object[] {(long) id, null, name, email, phone, "Street", "City", postalCode, "DE", null, null,
                        "K" + id, name.toLowerCase(), 1, now, now});
            }
            if (keys != null) {
                for (String key : new String[] {email, phone, name.toLowerCase()}) {
                    keys[keyCount++] = (hash(key) & ~SOURCE_BITS) | id;
                }
            }
            if (id % BATCH == 0) {
                writer.flush();
            }
            if (id % COMMIT == 0) {
                writer.commit();
            }
        }
        writer.flush();
        writer.commit();
        return keys;
    }

    /** The low 20 bits carry the source id (up to 1,048,575), the rest the key's hash. */
    private static final long SOURCE_BITS = 0xFFFFFL;

    private static long hash(String key) {
        return key.hashCode() * 0x9E3779B97F4A7C15L + key.length();
    }

    private static void writeSortedKeys(RowWriter writer, long[] keys) throws SQLException {
        Arrays.sort(keys);
        for (int i = 0; i < keys.length; i++) {
            writer.key(keys[i] & ~SOURCE_BITS, keys[i] & SOURCE_BITS);
            if (i % BATCH == BATCH - 1) {
                writer.flush();
            }
            if (i % COMMIT == COMMIT - 1) {
                writer.commit();
            }
        }
        writer.flush();
        writer.commit();
    }

    /** Where the probe's rows go: each database by its fastest way in. */
    private interface RowWriter {
        void source(Object[] values) throws SQLException;

        void customer(Object[] values) throws SQLException;

        void key(long keyHash, long sourceId) throws SQLException;

        void flush() throws SQLException;

        void commit() throws SQLException;
    }

    /** JDBC batches of prepared inserts (H2). */
    private static final class BatchWriter implements RowWriter {
        private final Connection connection;
        private final PreparedStatement sources;
        private final PreparedStatement customers;
        private final PreparedStatement keys;

        BatchWriter(Connection connection) throws SQLException {
            this.connection = connection;
            this.sources = insert(connection, "customer_source", SOURCE_COLUMNS);
            this.customers = insert(connection, "customer", CUSTOMER_COLUMNS);
            this.keys = connection.getMetaData().getTables(null, null, "CUSTOMER_KEY", null).next()
                    ? insert(connection, "customer_key", "key_hash, source_id") : null;
        }

        private static PreparedStatement insert(Connection connection, String table, String columns) throws SQLException {
            String marks = "?" + ", ?".repeat(columns.split(",").length - 1);
            return connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")");
        }

        @Override
        public void source(Object[] values) throws SQLException {
            add(sources, values);
        }

        @Override
        public void customer(Object[] values) throws SQLException {
            add(customers, values);
        }

        @Override
        public void key(long keyHash, long sourceId) throws SQLException {
            add(keys, new Object[] {keyHash, sourceId});
        }

        private static void add(PreparedStatement insert, Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.addBatch();
        }

        @Override
        public void flush() throws SQLException {
            sources.executeBatch();
            customers.executeBatch();
            if (keys != null) {
                keys.executeBatch();
            }
        }

        @Override
        public void commit() throws SQLException {
            connection.commit();
        }
    }

    /** COPY in PostgreSQL's text format, a COPY per table and batch. */
    private static final class CopyWriter implements RowWriter {
        private final Connection connection;
        private final CopyManager copy;
        private final StringBuilder sources = new StringBuilder();
        private final StringBuilder customers = new StringBuilder();
        private final StringBuilder keys = new StringBuilder();

        CopyWriter(Connection connection) throws SQLException {
            this.connection = connection;
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        }

        @Override
        public void source(Object[] values) {
            line(sources, values);
        }

        @Override
        public void customer(Object[] values) {
            line(customers, values);
        }

        @Override
        public void key(long keyHash, long sourceId) {
            keys.append(keyHash).append('\t').append(sourceId).append('\n');
        }

        private static void line(StringBuilder text, Object[] values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                text.append(values[i] == null ? "\\N" : values[i].toString());
            }
            text.append('\n');
        }

        @Override
        public void flush() throws SQLException {
            copyIn("customer_source", SOURCE_COLUMNS, sources);
            copyIn("customer", CUSTOMER_COLUMNS, customers);
            copyIn("customer_key", "key_hash, source_id", keys);
        }

        private void copyIn(String table, String columns, StringBuilder text) throws SQLException {
            if (text.length() == 0) {
                return;
            }
            try {
                copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(text.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into " + table + " failed", e);
            }
            text.setLength(0);
        }

        @Override
        public void commit() throws SQLException {
            connection.commit();
        }
    }
}
