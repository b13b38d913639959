package org.backofficehub.config;

import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.backofficehub.util.ClasspathText;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;

/**
 * The migrations this build ships for some Flyway locations, and whether a database has applied
 * exactly these. A restarted hub's databases normally have them all; Flyway would only confirm it,
 * and that confirmation (its plugins, a scan of the 53,000 entries of the hub's jar, its
 * validation) was a fifth of a restart's CPU (BENCHMARKS.md, start-up). Everything else, a new or
 * older database, a changed or failed migration, a location without an index, is Flyway's to
 * migrate or refuse, as always.
 */
final class ShippedMigrations {

    /**
     * A location's list of its migration scripts, one per line: listing a directory inside a jar
     * means reading every entry of the jar. {@code ShippedMigrationsTest} keeps it in step.
     */
    static final String INDEX = "migrations.txt";

    private static final String CLASSPATH = "classpath:";
    /** Flyway creates its table and columns with quoted lower-case names, on H2 and PostgreSQL alike. */
    private static final String HISTORY = "flyway_schema_history";
    /** Flyway's history rows: a migration by SQL script, and the marker it writes when it creates the table. */
    private static final String SQL_MIGRATION = "SQL";
    private static final String HISTORY_CREATED = "TABLE";

    /** Script name, as Flyway's history records it, to the checksum Flyway computes for it. */
    private final Map<String, Integer> checksums;

    private ShippedMigrations(Map<String, Integer> checksums) {
        this.checksums = checksums;
    }

    /** Empty if a location is not on the classpath or has no index: Flyway has to find its migrations itself. */
    static Optional<ShippedMigrations> of(String... locations) {
        Map<String, Integer> checksums = new LinkedHashMap<>();
        for (String location : locations) {
            String directory = classpathDirectory(location);
            Optional<String> index = directory == null ? Optional.empty() : ClasspathText.read(directory + "/" + INDEX);
            if (index.isEmpty()) {
                return Optional.empty();
            }
            for (String line : index.get().split("\n")) {
                String script = line.strip();
                if (script.isEmpty() || script.startsWith("#")) {
                    continue;
                }
                String text = ClasspathText.read(directory + "/" + script).orElseThrow(() -> new IllegalStateException(
                        directory + "/" + INDEX + " lists " + script + ", which is not there"));
                checksums.put(script, ChecksumCalculator.calculate(new ScriptText(script, text)));
            }
        }
        return Optional.of(new ShippedMigrations(checksums));
    }

    /**
     * Whether Flyway's history in this database holds these migrations and nothing else, all
     * successful and with the same checksums. A database without the history table has not.
     */
    boolean appliedTo(DataSource dataSource) {
        Map<String, Integer> applied = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            if (!hasHistory(connection)) {
                return false;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT \"type\", \"script\", \"checksum\", \"success\" FROM \"" + HISTORY + "\"")) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    if (HISTORY_CREATED.equals(type)) {
                        continue;
                    }
                    int checksum = rows.getInt(3);
                    boolean hasChecksum = !rows.wasNull();
                    boolean applicable = SQL_MIGRATION.equals(type) && hasChecksum && rows.getBoolean(4);
                    if (!applicable || applied.put(rows.getString(2), checksum) != null) {
                        return false;
                    }
                }
            }
        } catch (SQLException unreadable) {
            return false;
        }
        return applied.equals(checksums);
    }

    /**
     * Asked of the catalogue rather than found out by a failing query: on a first start, H2 would
     * write that failure into a {@code .trace.db} file beside the new database, for an operator to
     * wonder about.
     */
    private static boolean hasHistory(Connection connection) throws SQLException {
        DatabaseMetaData catalogue = connection.getMetaData();
        String escape = catalogue.getSearchStringEscape();
        String name = HISTORY.replace("_", escape + "_");
        try (ResultSet tables = catalogue.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
            return tables.next();
        }
    }

    int size() {
        return checksums.size();
    }

    private static String classpathDirectory(String location) {
        String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length())
                : location.contains(":") ? null : location;
        return path == null ? null : path.replaceAll("^/+|/+$", "");
    }

    /**
     * A script as Flyway's checksum reads it: UTF-8 (Flyway's default encoding), placeholders not
     * replaced. A script with placeholders therefore never matches, and Flyway always runs for it.
     */
    private static final class ScriptText extends LoadableResource {
        private final String name;
        private final String text;

        ScriptText(String name, String text) {
            this.name = name;
            this.text = text;
        }

        @Override
        public Reader read() {
            return new StringReader(text);
        }

        @Override
        public String getAbsolutePath() {
            return name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return null;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
