package org.backofficehub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's dashboard and partner activity, as the hub's own store has them. */
class DashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = RunningHub.start();
        assertThat(hub.postJson("/api/orders", TestOrders.webOrderJson("WEB-DASH-1", "SKU-1001", 1).getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(201);
        hub.drop("edifact/orders-d96a-eancom.edi", "nordwind.edi");
        hub.awaitSingle("outbox/nordwind", ".edi", "CONTRL");
        hub.dropText("<order>not what the schema wants</order>", "bad.xml");
        hub.awaitSingle("error", "bad.xml");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void countsRecentOrdersByChannelAndSenderWithFailuresAndWaitingWork() throws Exception {
        JsonNode dashboard = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> JSON.readTree(hub.get("/admin/dashboard?hours=6").body()),
                d -> sum(d.path("ordersByChannel").path("edi")) > 0);

        assertThat(dashboard.path("hours")).hasSize(6);
        assertThat(sum(dashboard.path("ordersByChannel").path("webstore"))).isEqualTo(1);
        assertThat(sum(dashboard.path("ordersBySource").path("WEBSTORE"))).isEqualTo(1);
        assertThat(sum(dashboard.path("ordersBySource").path("NORDWIND"))).isEqualTo(sum(dashboard.path("ordersByChannel").path("edi")));
        assertThat(dashboard.path("failures").findValuesAsText("routeId")).contains("inbox-files");
        assertThat(dashboard.path("partners").findValuesAsText("partner")).contains("NORDWIND");
        assertThat(dashboard.path("waiting").has("followUp")).isTrue();
        assertThat(dashboard.path("waiting").path("staged").isObject()).isTrue();
    }

    @Test
    void partnerActivityHasWhatWasReceivedAndSent() throws Exception {
        JsonNode nordwind = JSON.readTree(hub.get("/admin/partners/activity?hours=24").body()).path("NORDWIND");

        assertThat(nordwind.path("received").asInt()).isEqualTo(1);
        assertThat(nordwind.path("rejected").asInt()).isZero();
        assertThat(nordwind.path("sent").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(nordwind.path("lastReceived").asText()).isNotBlank();
        assertThat(nordwind.path("lastSent").asText()).isNotBlank();
    }

    @Test
    void aPeriodOutOfRangeIsA400() throws Exception {
        for (String hours : new String[] {"0", "745", "x", "-1"}) {
            var answer = hub.get("/admin/dashboard?hours=" + hours);
            assertThat(answer.statusCode()).as(hours).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).path("type").asText()).isEqualTo("urn:backoffice-hub:problem:invalid-request");
        }
    }

    @Test
    void customersAreListedNewestFirstWithoutASearchTerm() throws Exception {
        JsonNode customers = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> JSON.readTree(hub.get("/api/customers").body()),
                list -> list.size() >= 2);

        assertThat(customers.get(0).path("id").asLong()).isGreaterThan(customers.get(1).path("id").asLong());
    }

    @Test
    void theSignedInUserIsKnownToTheConsole() throws Exception {
        JsonNode me = JSON.readTree(hub.get("/admin/me").body());

        assertThat(me.path("user").asText()).isEqualTo("admin");
        assertThat(me.path("mayChange").asBoolean()).isTrue();
        assertThat(me.path("mayReadCustomers").asBoolean()).isTrue();
    }

    /** The counts of every hour: an order booked just before the hour turned is in the one before the last. */
    private static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode count : counts) {
            total += count.asLong();
        }
        return total;
    }
}
