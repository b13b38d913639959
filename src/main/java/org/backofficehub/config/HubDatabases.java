package org.backofficehub.config;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.apache.camel.spi.PropertiesComponent;
import org.backofficehub.config.Databases.DatabaseSettings;

/**
 * The hub's two databases, its store and the ERP, opened and migrated on a thread of their own
 * from the moment the settings can be read. {@code HubMain} starts them before camel-main binds
 * the configuration's beans, about 0.3 s earlier than the first bean that needs a database would:
 * on a first start, Flyway creating both schemas is the longest single task of start-up.
 */
final class HubDatabases implements AutoCloseable {

    // One thread, so the ERP opens on the H2 and Flyway the hub store has warmed up.
    private final ExecutorService opening = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "database-opening");
        thread.setDaemon(true);
        return thread;
    });
    private OpeningDataSource hubStore;
    private OpeningDataSource erp;

    /**
     * Starts opening both databases as {@code hub.data-dir}, {@code hub.store.*},
     * {@code hub.erp.*} and {@code hub.flyway.every-start} say; only the first call does.
     */
    synchronized void open(PropertiesComponent settings) {
        if (hubStore != null) {
            return;
        }
        // Every setting is read before anything opens, so a bad one leaves nothing half opened.
        Path dataDir = Path.of(settings.resolveProperty("hub.data-dir")
                .orElseThrow(() -> new IllegalStateException("hub.data-dir is not set")));
        boolean flywayEveryStart = Boolean.parseBoolean(setting(settings, "hub.flyway.every-start", "false"));
        DatabaseSettings store = databaseSettings(settings, "hub.store");
        DatabaseSettings erpSettings = databaseSettings(settings, "hub.erp");
        boolean migrateErp = Boolean.parseBoolean(setting(settings, "hub.erp.migrate", "true"));
        String[] erpMigrations = setting(settings, "hub.erp.migrations", "classpath:db/erp").split("\\s*,\\s*");
        hubStore = OpeningDataSource.open("hub store", () -> {
            HikariDataSource opened = Databases.open("hub", store, dataDir);
            migrate(opened, flywayEveryStart, "classpath:db/hub");
            return opened;
        }, opening);
        erp = OpeningDataSource.open("ERP", () -> {
            HikariDataSource opened = Databases.open("erp", erpSettings, dataDir);
            if (migrateErp) {
                migrate(opened, flywayEveryStart, erpMigrations);
            }
            return opened;
        }, opening);
        // Both are queued; the thread ends once they are open.
        opening.shutdown();
    }

    synchronized DataSource hubStore() {
        return opened(hubStore);
    }

    synchronized DataSource erp() {
        return opened(erp);
    }

    /** Closes the pools once they are open; an opening that failed left nothing to close. */
    @Override
    public synchronized void close() {
        if (hubStore != null) {
            erp.close();
            hubStore.close();
        }
    }

    private static DataSource opened(OpeningDataSource database) {
        if (database == null) {
            throw new IllegalStateException("The databases are not opened yet");
        }
        return database;
    }

    private static void migrate(DataSource database, boolean flywayEveryStart, String... locations) {
        if (flywayEveryStart) {
            Databases.migrateWithFlyway(database, locations);
        } else {
            Databases.migrate(database, locations);
        }
    }

    private static DatabaseSettings databaseSettings(PropertiesComponent settings, String prefix) {
        String poolSize = setting(settings, prefix + ".pool-size", "16");
        try {
            return new DatabaseSettings(setting(settings, prefix + ".url", ""), setting(settings, prefix + ".user", "sa"),
                    settings.resolveProperty(prefix + ".password").orElse(""), Integer.parseInt(poolSize));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(prefix + ".pool-size must be a number of connections, not '" + poolSize + "'", e);
        }
    }

    /** Trimmed: a stray space after a URL or a number in a properties file is no part of it. Passwords are read as given. */
    private static String setting(PropertiesComponent settings, String key, String defaultValue) {
        return settings.resolveProperty(key).orElse(defaultValue).trim();
    }
}
