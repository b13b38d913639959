package org.backofficehub.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.backofficehub.store.DataDirectory;
import org.flywaydb.core.Flyway;

/**
 * Opens one of the hub's databases: H2 under the data directory unless a JDBC URL points
 * elsewhere (PostgreSQL, or the real ERP).
 */
public final class Databases {

    // WRITE_DELAY=0: a committed booking reaches the file before the commit returns, so a kill -9
    // cannot lose an order the ERP acknowledged. DB_CLOSE_ON_EXIT=FALSE: the hub closes the pool
    // itself after its routes have drained, instead of H2 closing under them on SIGTERM.
    private static final String H2_OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

    private Databases() {
    }

    public static HikariDataSource open(String name, DatabaseSettings settings, DataDirectory dataDirectory) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(settings.url().isBlank() ? embeddedUrl(dataDirectory, name) : settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    /** The embedded H2 database {@code name} under the data directory, as the hub opens it when no URL is set. */
    public static String embeddedUrl(DataDirectory dataDirectory, String name) {
        return "jdbc:h2:file:" + dataDirectory.databases().resolve(name) + H2_OPTIONS;
    }

    /** Brings the database to this build's schema with Flyway (classpath: or filesystem: locations). */
    public static void migrate(DataSource dataSource, String... locations) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations)
                .load()
                .migrate();
    }

    /** A database's settings as configured ({@code hub.store.*}, {@code hub.erp.*}); an empty URL means embedded H2. */
    public record DatabaseSettings(String url, String user, String password, int poolSize) {

        /** Trimmed: a stray space after a URL or a number in a properties file is no part of it. Passwords are read as given. */
        public static DatabaseSettings of(String prefix, String url, String user, String password, String poolSize) {
            try {
                return new DatabaseSettings(url.trim(), user.trim(), password, Integer.parseInt(poolSize.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(prefix + ".pool-size must be a number of connections, not '" + poolSize + "'", e);
            }
        }
    }
}
