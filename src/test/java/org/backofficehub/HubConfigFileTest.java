package org.backofficehub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the hub takes its settings: an operator's own file on top of config/application.properties, and what it refuses. */
class HubConfigFileTest {

    @Test
    void anOperatorsFileNeedsOnlyTheKeysItChanges(@TempDir Path dir) throws Exception {
        Path own = Files.writeString(dir.resolve("hub.properties"), "hub.routes.webstore-orders.mode = batch\n");
        System.setProperty("hub.config", own.toString());
        try (RunningHub hub = RunningHub.start(Map.of())) {
            var staged = hub.postJson("/api/orders", TestOrders.webOrderJson("WEB-OWN-CONFIG", "SKU-1001", 1).getBytes());
            assertThat(staged.statusCode()).as("the file's mode, every other setting from the defaults").isEqualTo(202);
        } finally {
            System.clearProperty("hub.config");
        }
    }

    @Test
    void aDeliveryRouteLeftWithoutAModeStopsTheHubNamingIt() {
        assertThatThrownBy(() -> RunningHub.start(Map.of("hub.routes", "webstore-orders,inbox-files,accounting-export,webstore-notices,shop-orders,shop-updates,kafka-events")))
                .rootCause().hasMessageContaining("partner-documents").hasMessageContaining("hub.routes");
    }

    /** The one tax rate of before would otherwise be ignored without a word while invoices took hub.tax.domestic-rate. */
    @Test
    void theOldTaxRateKeyStopsTheHubNamingItsSuccessor() {
        assertThatThrownBy(() -> RunningHub.start(Map.of("hub.accounting.tax-rate", "0.16")))
                .rootCause().hasMessageContaining("hub.accounting.tax-rate").hasMessageContaining("hub.tax.domestic-rate");
    }
}
