package org.backofficehub.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * A fresh, migrated database for one test: an H2 file database in a temp folder, or a new
 * database on a real PostgreSQL server (started once per test JVM from Maven-provided binaries).
 */
public enum TestDatabase {
    H2, POSTGRES;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /** A JDBC URL for a new, empty database of this kind. */
    public String newDatabaseUrl(String purpose) {
        String name = purpose + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        if (this == H2) {
            try {
                Path dir = Files.createTempDirectory("hub-h2-");
                return "jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create PostgreSQL database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    public String user() {
        return this == H2 ? "sa" : "postgres";
    }

    /** A pooled, migrated data source; {@code migrations} is a classpath location such as db/erp. */
    public HikariDataSource newMigratedDataSource(String purpose, String migrations) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(newDatabaseUrl(purpose));
        config.setUsername(user());
        config.setPassword("");
        config.setMaximumPoolSize(16);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:" + migrations).load().migrate();
        return dataSource;
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temp cluster is removed either way
                }
            }));
        }
        return postgres;
    }
}
