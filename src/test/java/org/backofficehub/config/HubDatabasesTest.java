package org.backofficehub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubDatabasesTest {

    private final HubDatabases databases = new HubDatabases();
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @TempDir
    Path dataDir;

    @AfterEach
    void close() throws Exception {
        databases.close();
        camel.close();
    }

    @Test
    void bothDatabasesOpenUnderTheConfiguredDataDirectoryWithTheirSchemas() throws Exception {
        databases.open(settings("hub.data-dir", dataDir.toString()));

        try (Connection hub = databases.hubStore().getConnection(); Connection erp = databases.erp().getConnection()) {
            assertThat(count(hub, "route_mode")).isNotNegative();
            assertThat(count(erp, "ITMMAS")).as("the ERP's demo catalogue").isPositive();
        }
        assertThat(dataDir.resolve("db/hub.mv.db")).exists();
        assertThat(dataDir.resolve("db/erp.mv.db")).exists();
    }

    @Test
    void onlyTheFirstOpeningCounts() throws Exception {
        databases.open(settings("hub.data-dir", dataDir.toString()));
        Path elsewhere = Files.createDirectory(dataDir.resolve("elsewhere"));
        databases.open(settings("hub.data-dir", elsewhere.toString()));

        try (Connection hub = databases.hubStore().getConnection()) {
            assertThat(hub.getMetaData().getURL()).contains(dataDir.resolve("db").toString()).doesNotContain("elsewhere");
        }
    }

    @Test
    void anErpNotToBeMigratedIsLeftWithoutTables() throws Exception {
        databases.open(settings("hub.data-dir", dataDir.toString(), "hub.erp.migrate", "false"));

        try (Connection erp = databases.erp().getConnection();
             ResultSet tables = erp.getMetaData().getTables(null, "PUBLIC", null, null)) {
            assertThat(tables.next()).isFalse();
        }
    }

    @Test
    void nothingIsHandedOutBeforeTheDatabasesAreOpened() {
        assertThatThrownBy(databases::hubStore).hasMessage("The databases are not opened yet");
        assertThatThrownBy(() -> databases.open(settings())).hasMessage("hub.data-dir is not set");
    }

    @Test
    void aPoolSizeThatIsNoNumberIsNamed() {
        assertThatThrownBy(() -> databases.open(settings("hub.data-dir", dataDir.toString(), "hub.erp.pool-size", "sixteen")))
                .hasMessage("hub.erp.pool-size must be a number of connections, not 'sixteen'");
    }

    private PropertiesComponent settings(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        PropertiesComponent component = camel.getPropertiesComponent();
        component.setOverrideProperties(properties);
        return component;
    }

    private static int count(Connection connection, String table) throws Exception {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
