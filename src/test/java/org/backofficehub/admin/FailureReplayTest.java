package org.backofficehub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures from any route are durable, listed with their reason and payload, and replayable once fixed. */
class FailureReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private RunningHub hub;

    @BeforeEach
    void start() {
        hub = RunningHub.start();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void badFileBecomesAFailureAndIsBookedWhenReplayedAfterTheCauseIsFixed() throws Exception {
        drop("webstore/invalid/unknown-sku.json", "unknown-sku.json");
        JsonNode failure = awaitOpenFailure();
        assertThat(failure.path("routeId").asText()).isEqualTo("inbox-files");
        assertThat(failure.path("problem").asText()).isEqualTo("unknown-sku");
        assertThat(failure.path("fileName").asText()).isEqualTo("unknown-sku.json");
        assertThat(failure.path("payload").asText()).isEqualTo(Samples.text("webstore/invalid/unknown-sku.json"));

        // The cause: the ERP did not know the item. Now it does.
        try (Connection c = hub.erp().getConnection()) {
            c.createStatement().executeUpdate("INSERT INTO ITMMAS (IMITNO, IMDESC, IMUOM, IMPRIC, IMONHD, IMALLO) "
                    + "VALUES ('SKU-DOES-NOT-EXIST', 'Now it exists', 'PCE', 1.00, 10, 0)");
        }
        HttpResponse<String> replay = hub.admin("POST", "/admin/failures/" + failure.path("id").asLong() + "/replay", null);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).path("summary").asText()).startsWith("back in the inbox as replay-");
        Awaitility.await("replayed file booked").atMost(Duration.ofSeconds(15))
                .until(() -> hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-BAD-3'") == 1);
        assertThat(JSON.readTree(hub.admin("GET", "/admin/failures?state=open", null).body())).isEmpty();
        assertThat(hub.admin("POST", "/admin/failures/" + failure.path("id").asLong() + "/replay", null).statusCode())
                .as("a failure is replayed once").isEqualTo(409);
    }

    @Test
    void failureCanBeReplayedWithACorrectedPayload() throws Exception {
        drop("xml/invalid/schema-violation.xml", "schema-violation.xml");
        JsonNode failure = awaitOpenFailure();
        String corrected = failure.path("payload").asText()
                .replace("<orderDate>yesterday</orderDate>", "<orderDate>2026-11-22</orderDate>")
                .replace("<quantity>many</quantity>", "<quantity>3</quantity>");

        HttpResponse<String> replay = hub.admin("POST", "/admin/failures/" + failure.path("id").asLong() + "/replay", corrected);

        assertThat(replay.statusCode()).isEqualTo(200);
        Awaitility.await("corrected file booked").atMost(Duration.ofSeconds(15))
                .until(() -> hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'PO-BAD-1'") == 1);
    }

    @Test
    void refusalDuringADrainIsAFailureReplayableOnceStockArrives() throws Exception {
        assertThat(hub.admin("PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"batch\",\"cron\":\"0 0 3 * * ?\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> staged = hub.postJson("/api/orders",
                TestOrders.webOrderJson("WEB-SHORT", "SKU-9001", 5).getBytes(StandardCharsets.UTF_8));
        assertThat(staged.statusCode()).isEqualTo(202);

        JsonNode drained = JSON.readTree(hub.admin("POST", "/admin/routes/webstore-orders/run", null).body());
        assertThat(drained.path("failed").asInt()).isEqualTo(1);
        JsonNode failure = awaitOpenFailure();
        assertThat(failure.path("kind").asText()).isEqualTo("staged-order");
        assertThat(failure.path("problem").asText()).isEqualTo("insufficient-stock");
        assertThat(failure.path("reason").asText()).contains("WEB-SHORT");

        try (Connection c = hub.erp().getConnection()) {
            c.createStatement().executeUpdate("UPDATE ITMMAS SET IMONHD = 100 WHERE IMITNO = 'SKU-9001'");
        }
        HttpResponse<String> replay = hub.admin("POST", "/admin/failures/" + failure.path("id").asLong() + "/replay", null);

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).path("erpOrderNumber").asText()).isNotBlank();
        assertThat(JSON.readTree(replay.body()).path("summary").asText()).matches("ERP order \\S+");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-SHORT'")).isEqualTo(1);
    }

    @Test
    void discardedFailureLeavesTheOpenList() throws Exception {
        drop("xml/invalid/not-an-order.txt", "not-an-order.txt");
        JsonNode failure = awaitOpenFailure();

        assertThat(hub.admin("DELETE", "/admin/failures/" + failure.path("id").asLong(), null).statusCode()).isEqualTo(200);

        assertThat(JSON.readTree(hub.admin("GET", "/admin/failures?state=open", null).body())).isEmpty();
        assertThat(JSON.readTree(hub.admin("GET", "/admin/failures?state=discarded", null).body())).hasSize(1);
    }

    @Test
    void consoleIsServedToTheAdmin() {
        HttpResponse<String> console = hub.admin("GET", "/admin/", null);

        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(console.body()).contains("<h2>Routes</h2>").contains("/admin/assets/console.js");
    }

    private JsonNode awaitOpenFailure() throws Exception {
        Awaitility.await("an open failure").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> JSON.readTree(hub.admin("GET", "/admin/failures?state=open", null).body()).size() == 1);
        return JSON.readTree(hub.admin("GET", "/admin/failures?state=open", null).body()).get(0);
    }

    private void drop(String sample, String name) throws Exception {
        Path inbox = Files.createDirectories(hub.folder("inbox"));
        Files.copy(Samples.path(sample), inbox.resolve(name + ".part"));
        Files.move(inbox.resolve(name + ".part"), inbox.resolve(name));
    }
}
