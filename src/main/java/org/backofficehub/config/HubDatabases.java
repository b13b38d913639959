package org.backofficehub.config;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.apache.camel.spi.PropertiesComponent;
import org.backofficehub.config.Databases.DatabaseSettings;

/**
 * The hub's two databases, its store and the ERP, opened and migrated by Flyway the first time a
 * bean needs one of them.
 */
final class HubDatabases implements AutoCloseable {

    private HikariDataSource hubStore;
    private HikariDataSource erp;

    /**
     * Opens both databases as {@code hub.data-dir}, {@code hub.store.*} and {@code hub.erp.*} say;
     * only the first call does.
     */
    synchronized void open(PropertiesComponent settings) {
        if (hubStore != null) {
            return;
        }
        // Every setting is read before anything opens, so a bad one leaves nothing half opened.
        Path dataDir = Path.of(settings.resolveProperty("hub.data-dir")
                .orElseThrow(() -> new IllegalStateException("hub.data-dir is not set")));
        DatabaseSettings store = databaseSettings(settings, "hub.store");
        DatabaseSettings erpSettings = databaseSettings(settings, "hub.erp");
        boolean migrateErp = Boolean.parseBoolean(setting(settings, "hub.erp.migrate", "true"));
        String[] erpMigrations = setting(settings, "hub.erp.migrations", "classpath:db/erp").split("\\s*,\\s*");
        HikariDataSource openedStore = Databases.open("hub", store, dataDir);
        try {
            Databases.migrate(openedStore, "classpath:db/hub");
            HikariDataSource openedErp = Databases.open("erp", erpSettings, dataDir);
            try {
                if (migrateErp) {
                    Databases.migrate(openedErp, erpMigrations);
                }
            } catch (RuntimeException e) {
                openedErp.close();
                throw e;
            }
            hubStore = openedStore;
            erp = openedErp;
        } catch (RuntimeException e) {
            openedStore.close();
            throw e;
        }
    }

    synchronized DataSource hubStore() {
        return opened(hubStore);
    }

    synchronized DataSource erp() {
        return opened(erp);
    }

    @Override
    public synchronized void close() {
        if (hubStore != null) {
            erp.close();
            hubStore.close();
        }
    }

    private static DataSource opened(DataSource database) {
        if (database == null) {
            throw new IllegalStateException("The databases are not opened yet");
        }
        return database;
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
