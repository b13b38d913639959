package org.backofficehub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.backofficehub.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShippedMigrationsTest {

    private static final String HUB = "classpath:db/hub";
    private HikariDataSource database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyMigrationDirectoryListsExactlyItsMigrationsInVersionOrder() throws IOException {
        try (Stream<Path> directories = Files.list(Path.of("src/main/resources/db"))) {
            for (Path directory : directories.toList()) {
                List<String> listed = Files.readAllLines(directory.resolve(ShippedMigrations.INDEX)).stream()
                        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
                try (Stream<Path> files = Files.list(directory)) {
                    List<String> scripts = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql"))
                            .sorted(Comparator.comparingInt(ShippedMigrationsTest::version)).toList();
                    assertThat(listed).as(directory.resolve(ShippedMigrations.INDEX) + ", one line per migration").isEqualTo(scripts);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseWithEveryShippedMigrationIsLeftAloneWithoutStartingFlyway(TestDatabase kind) throws SQLException {
        database = emptyDatabase(kind);
        Databases.migrate(database, HUB);
        assertThat(ShippedMigrations.of(HUB).orElseThrow().appliedTo(database)).isTrue();

        CountingConnections counted = new CountingConnections(database);
        Databases.migrate(counted, HUB);
        assertThat(counted.opened).as("connections: the history read, nothing of Flyway's").hasValue(1);
        Flyway.configure().dataSource(counted).locations(HUB).load().migrate();
        assertThat(counted.opened).as("Flyway's own check opens more").hasValueGreaterThan(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOlderDatabaseIsBroughtUpToDateByFlyway(TestDatabase kind) throws SQLException {
        database = emptyDatabase(kind);
        assertThat(ShippedMigrations.of(HUB).orElseThrow().appliedTo(database)).as("no history table yet").isFalse();
        Flyway.configure().dataSource(database).locations(HUB).target("4").load().migrate();
        assertThat(ShippedMigrations.of(HUB).orElseThrow().appliedTo(database)).isFalse();

        Databases.migrate(database, HUB);

        assertThat(ShippedMigrations.of(HUB).orElseThrow().appliedTo(database)).isTrue();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeQuery("SELECT COUNT(*) FROM invoice").next()).as("V5's table").isTrue();
        }
    }

    @Test
    void aFirstStartLeavesNoH2TraceFileBesideTheNewDatabase() throws IOException {
        database = emptyDatabase(TestDatabase.H2);
        Path directory = Path.of(database.getJdbcUrl().substring("jdbc:h2:file:".length()).split(";")[0]).getParent();

        Databases.migrate(database, HUB);

        assertThat(ShippedMigrations.of(HUB).orElseThrow().appliedTo(database)).isTrue();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())).as("H2 writes failed statements to a trace file")
                    .isNotEmpty().noneMatch(name -> name.endsWith(".trace.db"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMigrationChangedSinceItWasAppliedIsLeftToFlywayWhichRefusesIt(TestDatabase kind) throws SQLException {
        assertThat(appliedAfter(kind, "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '2'"))
                .isFalse();
        assertThatThrownBy(() -> Databases.migrate(database, HUB))
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailedMigrationIsLeftToFlywayWhichRefusesIt(TestDatabase kind) throws SQLException {
        assertThat(appliedAfter(kind, "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '5'"))
                .isFalse();
        assertThatThrownBy(() -> Databases.migrate(database, HUB))
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("failed migration");
    }

    @Test
    void checksumsAreFlywaysOwn() {
        database = emptyDatabase(TestDatabase.H2);
        Flyway.configure().dataSource(database).locations("classpath:db/erp").load().migrate();

        assertThat(ShippedMigrations.of("db/erp/").orElseThrow().appliedTo(database)).isTrue();
        assertThat(ShippedMigrations.of("classpath:db/erp").orElseThrow().size()).isEqualTo(3);
        assertThat(ShippedMigrations.of(HUB).orElseThrow().appliedTo(database)).as("the hub's are not the ERP's").isFalse();
    }

    @Test
    void locationsWithoutAnIndexAreFlywaysToScan() {
        assertThat(ShippedMigrations.of("classpath:db/erp", "classpath:db/erp-bench")).isEmpty();
        assertThat(ShippedMigrations.of("filesystem:src/main/resources/db/erp")).isEmpty();
    }

    private static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    /** Whether the shipped migrations count as applied once the history of a migrated database is altered so. */
    private boolean appliedAfter(TestDatabase kind, String historyAlteration) throws SQLException {
        database = emptyDatabase(kind);
        Databases.migrate(database, HUB);
        execute(historyAlteration);
        return ShippedMigrations.of(HUB).orElseThrow().appliedTo(database);
    }

    private HikariDataSource emptyDatabase(TestDatabase kind) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(kind.newDatabaseUrl("shipped"));
        config.setUsername(kind.user());
        config.setPassword("");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /** The pool, counting the connections taken from it. */
    private static final class CountingConnections implements DataSource {
        private final DataSource pool;
        private final AtomicInteger opened = new AtomicInteger();

        CountingConnections(DataSource pool) {
            this.pool = pool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            opened.incrementAndGet();
            return pool.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            opened.incrementAndGet();
            return pool.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.isWrapperFor(type);
        }
    }
}
