package org.backofficehub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.backofficehub.config.Databases.DatabaseSettings;
import org.backofficehub.store.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubDatabasesTest {

    private static final DatabaseSettings EMBEDDED = DatabaseSettings.of("hub.store", "", "sa", "", "4");

    @TempDir
    Path dataDir;

    @Test
    void bothDatabasesOpenUnderTheConfiguredDataDirectoryWithTheirSchemas() throws Exception {
        try (HubDatabases databases = HubDatabases.open(new DataDirectory(dataDir), EMBEDDED, EMBEDDED, "classpath:db/erp");
             Connection hub = databases.hubStore().getConnection(); Connection erp = databases.erp().getConnection()) {
            assertThat(count(hub, "route_mode")).isNotNegative();
            assertThat(count(erp, "ITMMAS")).as("the ERP's demo catalogue").isPositive();
        }
        assertThat(dataDir.resolve("db/hub.mv.db")).exists();
        assertThat(dataDir.resolve("db/erp.mv.db")).exists();
    }

    @Test
    void anErpNotToBeMigratedIsLeftWithoutTables() throws Exception {
        try (HubDatabases databases = HubDatabases.open(new DataDirectory(dataDir), EMBEDDED, EMBEDDED);
             Connection erp = databases.erp().getConnection();
             ResultSet tables = erp.getMetaData().getTables(null, "PUBLIC", null, null)) {
            assertThat(tables.next()).isFalse();
        }
    }

    @Test
    void aPoolSizeThatIsNoNumberIsNamed() {
        assertThatThrownBy(() -> DatabaseSettings.of("hub.erp", "", "sa", "", "sixteen"))
                .hasMessage("hub.erp.pool-size must be a number of connections, not 'sixteen'");
    }

    @Test
    void settingsAreTrimmedButPasswordsAreReadAsGiven() {
        assertThat(DatabaseSettings.of("hub.erp", " jdbc:h2:mem:x ", " sa ", " secret ", " 8 "))
                .isEqualTo(new DatabaseSettings("jdbc:h2:mem:x", "sa", " secret ", 8));
    }

    private static int count(Connection connection, String table) throws Exception {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
