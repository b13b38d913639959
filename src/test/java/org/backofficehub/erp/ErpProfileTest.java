package org.backofficehub.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backofficehub.model.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading an ERP profile: the shipped profiles load, every key can be overridden like any other
 * setting, and a profile that cannot work stops the hub with a message naming the file and what
 * is wrong with it.
 */
class ErpProfileTest {

    @TempDir
    Path dir;

    @Test
    void theShippedProfilesLoad() {
        ErpProfile demo = ErpProfile.load("demo", key -> null);

        assertThat(demo.connector()).isEqualTo(ErpProfile.Connector.DATABASE);
        assertThat(demo.migrations()).containsExactly("classpath:db/erp");
        assertThat(demo.status("OP")).isEqualTo(OrderStatus.BOOKED);
        assertThat(demo.statement(ErpStatement.STOCK_ALLOCATE).parameterNames()).containsExactly("quantity", "sku");
        for (ErpStatement statement : ErpStatement.values()) {
            // The demo ERP numbers an order as it inserts it (no order.number), and confirms nothing later.
            boolean absent = statement == ErpStatement.ORDER_NUMBER || statement.key().startsWith("confirmations.");
            assertThat(demo.has(statement)).as(statement.key()).isEqualTo(!absent);
        }
    }

    @Test
    void aProfileExtendsAnotherChangingOnlyWhatDiffers() {
        ErpProfile files = ErpProfile.load("file-import", key -> null);

        assertThat(files.connector()).isEqualTo(ErpProfile.Connector.FILE);
        assertThat(files.has(ErpStatement.ORDER_READ)).as("the demo's reading statements").isTrue();
        assertThat(files.has(ErpStatement.LINE_INSERT)).as("taken out by an empty value").isFalse();
        assertThat(files.fileSetting("file.extension")).isEqualTo("csv");
        assertThat(files.fileSetting("file.confirmations.delimiter")).isEqualTo(";");
        assertThat(ErpProfile.load("flat-interface", key -> null).has(ErpStatement.CONFIRMATIONS_POLL)).isTrue();
    }

    @Test
    void anOperatorsOwnProfileExtendsAShippedOneFromAnywhere() throws IOException {
        Path profile = dir.resolve("our-erp.properties");
        Files.writeString(profile, "extends = demo\nstatus.OK = booked\n");

        ErpProfile ours = ErpProfile.load(profile.toString(), key -> null);

        assertThat(ours.name()).isEqualTo("our-erp");
        assertThat(ours.status("OK")).isEqualTo(OrderStatus.BOOKED);
        assertThat(ours.status("SH")).isEqualTo(OrderStatus.SHIPPED);
        assertThat(ours.has(ErpStatement.LINE_INSERT)).isTrue();
    }

    @Test
    void theFileConnectorNeedsItsLayout() throws IOException {
        Path profile = dir.resolve("files.properties");
        Files.writeString(profile, "connector = file\nfile.orders-endpoint = file:out\nfile.confirmations-endpoint = file:in\n"
                + "file.confirmations.columns = source;orderId;erpOrderNumber;status\n");

        assertThatThrownBy(() -> ErpProfile.load(profile.toString(), key -> null))
                .hasMessageStartingWith("ERP profile " + profile + ": the file connector needs file.layout");
    }

    @Test
    void everyKeyIsOverriddenAsHubErpKey() {
        Map<String, String> settings = Map.of("hub.erp.migrations", "classpath:db/erp,classpath:db/erp-bench",
                "hub.erp.order.find-many", "", "hub.erp.status.OP", "shipped");

        ErpProfile demo = ErpProfile.load("demo", settings::get);

        assertThat(demo.migrations()).containsExactly("classpath:db/erp", "classpath:db/erp-bench");
        assertThat(demo.has(ErpStatement.ORDER_FIND_MANY)).as("an empty override removes an optional statement").isFalse();
        assertThat(demo.status("OP")).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void aMissingStatementStopsTheHubNamingIt() throws IOException {
        Path profile = copyOfDemoWithout("order.find");

        assertThatThrownBy(() -> ErpProfile.load(profile.toString(), key -> null))
                .isInstanceOf(ErpProfileException.class)
                .hasMessageStartingWith("ERP profile " + profile + ": the statement order.find is missing; a database ERP's profile needs"
                        + " order.find, line.insert, order.read");
    }

    @Test
    void aParameterTheStatementDoesNotHaveIsNamed() throws IOException {
        Path profile = copyOfDemoWithout("stock.free");
        Files.writeString(profile, Files.readString(profile) + "\nstock.free = SELECT X AS available FROM T WHERE N = :sku AND W = :warehouse\n");

        assertThatThrownBy(() -> ErpProfile.load(profile.toString(), key -> null))
                .hasMessage("ERP profile " + profile + ": the statement stock.free uses the parameter :warehouse, which it does not have;"
                        + " it has :sku");
    }

    @Test
    void anUnknownKeyIsATypoNotAnIgnoredSetting() throws IOException {
        Path profile = copyOfDemoWithout("order.insert");
        Files.writeString(profile, Files.readString(profile) + "\norder.insrt = INSERT INTO T VALUES (:source)\n");

        assertThatThrownBy(() -> ErpProfile.load(profile.toString(), key -> null))
                .hasMessageStartingWith("ERP profile " + profile + ": unknown key 'order.insrt'");
    }

    @Test
    void anUnknownProfileNamesTheFileItLookedFor() {
        assertThatThrownBy(() -> ErpProfile.load("sap-r3", key -> null))
                .hasMessageContaining("ERP profile 'sap-r3' (hub.erp.profile) not found: no file")
                .hasMessageContaining("config/erp/sap-r3.properties")
                .hasMessageContaining("profiles in config/erp: demo");
    }

    @Test
    void aNumberUsedBeforeAnythingGivesItIsRefused() throws IOException {
        Path profile = copyOfDemoWithout("order.insert");

        assertThatThrownBy(() -> ErpProfile.load(profile.toString(), key -> null))
                .hasMessageContaining("line.insert uses :erpOrderNumber, but nothing gives the number before the lines");
    }

    /** The demo profile with one statement (and its continuation lines) taken out. */
    private Path copyOfDemoWithout(String key) throws IOException {
        StringBuilder copy = new StringBuilder();
        boolean skipping = false;
        for (String line : Files.readAllLines(Path.of("config/erp/demo.properties"))) {
            if (line.startsWith(key + " =")) {
                skipping = true;
            }
            if (!skipping) {
                copy.append(line).append('\n');
            }
            if (skipping && !line.endsWith("\\")) {
                skipping = false;
            }
        }
        Path profile = dir.resolve("custom.properties");
        Files.writeString(profile, copy);
        return profile;
    }
}
