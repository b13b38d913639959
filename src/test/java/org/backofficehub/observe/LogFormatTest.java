package org.backofficehub.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.backofficehub.support.RunningHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: JSON logs (hub.log.format), each line of a document's processing carrying its keys, and
 * StAEDI's java.util.logging in the same log and format.
 */
class LogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void backToText() {
        System.clearProperty("hub.log.format");
        LogCapture.reconfigure();
    }

    @Test
    void textIsTheDefaultAndJsonIsOneSettingAway() {
        LogCapture.reconfigure();
        assertThat(LogCapture.rootAppender()).isEqualTo("text");

        System.setProperty("hub.log.format", "json");
        LogCapture.reconfigure();
        assertThat(LogCapture.rootAppender()).isEqualTo("json");
    }

    @Test
    void aJsonLineOfAnEdiOrderCarriesItsPartnerInterchangeAndOrderId() throws Exception {
        System.setProperty("hub.log.format", "json");
        LogCapture.reconfigure();
        try (LogCapture log = LogCapture.attach(); RunningHub hub = RunningHub.start()) {
            hub.drop("edifact/orders-d96a-eancom.edi", "nordwind-order.edi");
            hub.awaitSingle("done", "nordwind-order.edi");

            JsonNode line = Awaitility.await("a log line with the order's keys").atMost(Duration.ofSeconds(10))
                    .until(() -> parsed(log.lines()).stream().filter(l -> l.has("orderId") && l.has("interchange")).findFirst(),
                            java.util.Optional::isPresent).get();
            assertThat(line.path("partner").asText()).isEqualTo("NORDWIND");
            assertThat(line.path("interchange").asText()).isEqualTo("NW000000001");
            // The interchange's two orders, both named on the lines about both.
            assertThat(line.path("orderId").asText()).isEqualTo("NW-PO-4711,NW-PO-4712");
            assertThat(line.path("source").asText()).isEqualTo("NORDWIND");
            assertThat(line.path("routeId").asText()).isNotBlank();
            assertThat(line.path("@timestamp").asText()).isNotBlank();
            assertThat(line.path("log.level").asText()).isNotBlank();
        }
    }

    /** Two interchanges in one file: the second's lines name its own orders, never the first's. */
    @Test
    void eachInterchangeOfAFileHasItsOwnKeys() throws Exception {
        System.setProperty("hub.log.format", "json");
        LogCapture.reconfigure();
        try (LogCapture log = LogCapture.attach(); RunningHub hub = RunningHub.start()) {
            hub.drop("edifact/two-interchanges.edi", "two.edi");
            hub.awaitSingle("done", "two.edi");

            JsonNode line = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> parsed(log.lines()).stream()
                    .filter(l -> l.path("interchange").asText().equals("NW000000003")).findFirst(), java.util.Optional::isPresent).get();
            assertThat(line.path("orderId").asText()).as("the second interchange's order alone").isEqualTo("NW-PO-4721");
        }
    }

    @Test
    void javaUtilLoggingIsWrittenByLog4jInTheSameFormat() throws Exception {
        System.setProperty("hub.log.format", "json");
        LogCapture.reconfigure();
        try (LogCapture log = LogCapture.attach(); RunningHub hub = RunningHub.start()) {
            // As StAEDI logs (io.xlate.edi.internal.schema.SchemaReaderBase, through JUL); log4j2.properties keeps its WARN and above.
            java.util.logging.Logger.getLogger("io.xlate.edi.internal.schema.Probe").warning("bridged from JUL");
            java.util.logging.Logger.getLogger("io.xlate.edi.internal.schema.Probe").info("below log4j2's level for StAEDI: dropped");

            List<JsonNode> bridged = parsed(log.lines()).stream().filter(l -> l.path("log.logger").asText().startsWith("io.xlate")).toList();
            assertThat(bridged).extracting(l -> l.path("message").asText()).containsExactly("bridged from JUL");
            assertThat(bridged.get(0).path("log.level").asText()).isEqualTo("WARN");
        }
    }

    private static List<JsonNode> parsed(List<String> lines) {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            try {
                parsed.add(JSON.readTree(line));
            } catch (Exception e) {
                throw new AssertionError("Not a JSON log line: " + line, e);
            }
        }
        return parsed;
    }
}
