package org.backofficehub.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Opens the hub's two databases: its own store and the legacy ERP. Each is H2 under the data
 * directory unless a JDBC URL points elsewhere (PostgreSQL, or the real ERP).
 */
public final class Databases {

    // WRITE_DELAY=0: a committed booking reaches the file before the commit returns, so a kill -9
    // cannot lose an order the ERP acknowledged. DB_CLOSE_ON_EXIT=FALSE: the hub closes the pool
    // itself after its routes have drained, instead of H2 closing under them on SIGTERM.
    private static final String H2_OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

    private Databases() {
    }

    public static HikariDataSource open(String name, DatabaseSettings settings, Path dataDir) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(settings.url().isBlank() ? embeddedUrl(dataDir, name) : settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    /** The embedded H2 database {@code name} under the data directory, as the hub opens it when no URL is set. */
    public static String embeddedUrl(Path dataDir, String name) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("db").resolve(name) + H2_OPTIONS;
    }

    /** Brings the database to this build's schema with Flyway (classpath: or filesystem: locations). */
    public static void migrate(DataSource dataSource, String... locations) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations)
                .load()
                .migrate();
    }

    public record DatabaseSettings(String url, String user, String password, int poolSize) {
    }
}
