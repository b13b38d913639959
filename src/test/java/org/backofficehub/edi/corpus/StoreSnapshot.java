package org.backofficehub.edi.corpus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A migrated H2 database put back as it was after its migrations, between two corpus files: each
 * file then arrives as the first interchange from a new partner (no duplicate interchange or order
 * numbers from an unrelated file, the demo catalogue's stock untouched), without paying for a new
 * database and its migrations per file.
 */
public final class StoreSnapshot {

    private static final String SCHEMA = "CORPUS_SNAPSHOT";

    private final DataSource dataSource;
    private final List<String> tables;

    private StoreSnapshot(DataSource dataSource, List<String> tables) {
        this.dataSource = dataSource;
        this.tables = tables;
    }

    /** Copies every table of the PUBLIC schema (but Flyway's history) aside. */
    public static StoreSnapshot take(DataSource dataSource) {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                    + " AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> 'flyway_schema_history' ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            statement.execute("CREATE SCHEMA " + SCHEMA);
            for (String table : tables) {
                statement.execute("CREATE TABLE " + SCHEMA + ".\"" + table + "\" AS SELECT * FROM PUBLIC.\"" + table + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot snapshot the test database", e);
        }
        return new StoreSnapshot(dataSource, List.copyOf(tables));
    }

    /** Every table as it was when the snapshot was taken; identity columns start over. */
    public void restore() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
            try {
                for (String table : tables) {
                    statement.execute("TRUNCATE TABLE PUBLIC.\"" + table + "\" RESTART IDENTITY");
                    statement.execute("INSERT INTO PUBLIC.\"" + table + "\" SELECT * FROM " + SCHEMA + ".\"" + table + "\"");
                }
            } finally {
                statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot restore the test database", e);
        }
    }
}
