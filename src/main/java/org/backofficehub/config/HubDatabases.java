package org.backofficehub.config;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.backofficehub.config.Databases.DatabaseSettings;
import org.backofficehub.store.DataDirectory;

/**
 * The hub's two databases, its own store and the legacy ERP, open and migrated by Flyway:
 * both or neither, so a failure leaves nothing half open.
 */
public final class HubDatabases implements AutoCloseable {

    private final HikariDataSource hubStore;
    private final HikariDataSource erp;

    private HubDatabases(HikariDataSource hubStore, HikariDataSource erp) {
        this.hubStore = hubStore;
        this.erp = erp;
    }

    /** @param erpMigrations Flyway locations for the ERP, or none when the hub must not create tables there (a real ERP) */
    public static HubDatabases open(DataDirectory dataDirectory, DatabaseSettings store, DatabaseSettings erpSettings,
                                    String... erpMigrations) {
        HikariDataSource openedStore = Databases.open("hub", store, dataDirectory);
        try {
            Databases.migrate(openedStore, storeMigrations(openedStore.getJdbcUrl()));
            HikariDataSource openedErp = Databases.open("erp", erpSettings, dataDirectory);
            try {
                if (erpMigrations.length > 0) {
                    Databases.migrate(openedErp, erpMigrations);
                }
                return new HubDatabases(openedStore, openedErp);
            } catch (RuntimeException e) {
                openedErp.close();
                throw e;
            }
        } catch (RuntimeException e) {
            openedStore.close();
            throw e;
        }
    }

    /** The store's schema, and for embedded H2 its tuning (db/hub-h2). */
    static String[] storeMigrations(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") ? new String[] {"classpath:db/hub", "classpath:db/hub-h2"} : new String[] {"classpath:db/hub"};
    }

    public DataSource hubStore() {
        return hubStore;
    }

    public DataSource erp() {
        return erp;
    }

    @Override
    public void close() {
        erp.close();
        hubStore.close();
    }
}
