package org.backofficehub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Switching routes between real time and batch at runtime, on the real daemon with real Quartz schedules. */
class BatchModeTest {

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
    void withoutCredentialsTheAdminApiAnswers401AndNothingChanges() throws Exception {
        HttpResponse<String> anonymous = hub.adminAs(null, null, "PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"batch\"}");
        HttpResponse<String> wrongPassword = hub.adminAs("admin", "guess", "PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"batch\"}");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(hub.adminAs(null, null, "GET", "/admin/", null).statusCode()).isEqualTo(401);
        assertThat(route("webstore-orders").path("mode").asText()).isEqualTo("realtime");
        assertThat(post("WEB-STILL-REALTIME").statusCode()).isEqualTo(201);
    }

    @Test
    void batchModeStagesOrdersAndRunNowBooksEachOnce() throws Exception {
        switchTo("webstore-orders", "batch", "0 0 3 * * ?");

        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> staged = post("WEB-BATCH-" + i);
            assertThat(staged.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(staged.body()).path("trackingId").asText()).isNotBlank();
        }
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isZero();
        assertThat(route("webstore-orders").path("staged").asInt()).isEqualTo(3);

        HttpResponse<String> run = hub.admin("POST", "/admin/routes/webstore-orders/run", null);

        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(run.body()).path("booked").asInt()).isEqualTo(3);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isEqualTo(3);
        assertThat(JSON.readTree(hub.admin("POST", "/admin/routes/webstore-orders/run", null).body()).path("booked").asInt()).isZero();
        JsonNode route = route("webstore-orders");
        assertThat(route.path("staged").asInt()).isZero();
        assertThat(route.path("lastRun").path("booked").asInt()).isZero();
    }

    /** Issue 21, 9: a repeat post in batch mode answered 202 with a new tracking id, even for an order booked long before. */
    @Test
    void inBatchModeAnOrderSentAgainIsAnsweredAsBeforeItsTrackingIdWhileStagedItsBookingOnceBooked() throws Exception {
        assertThat(post("WEB-REPEAT-BOOKED").statusCode()).isEqualTo(201);
        String erpNumber = erpNumberOf("WEB-REPEAT-BOOKED");
        switchTo("webstore-orders", "batch", "0 0 3 * * ?");

        HttpResponse<String> bookedBefore = post("WEB-REPEAT-BOOKED");
        assertThat(bookedBefore.statusCode()).isEqualTo(200);
        JsonNode booking = JSON.readTree(bookedBefore.body());
        assertThat(booking.path("erpOrderNumber").asText()).isEqualTo(erpNumber);
        assertThat(booking.path("alreadyBooked").asBoolean()).isTrue();
        assertThat(booking.has("trackingId")).isFalse();

        HttpResponse<String> first = post("WEB-REPEAT-STAGED");
        HttpResponse<String> again = post("WEB-REPEAT-STAGED");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        String trackingId = JSON.readTree(first.body()).path("trackingId").asText();
        assertThat(JSON.readTree(again.body()).path("trackingId").asText()).isEqualTo(trackingId);
        assertThat(route("webstore-orders").path("staged").asInt()).as("staged once").isEqualTo(1);

        // Through another route's door (an inbox file in batch mode too) it is still the one staged order.
        switchTo("inbox-files", "batch", "0 0 3 * * ?");
        hub.dropText(TestOrders.webOrderJson("WEB-REPEAT-STAGED", "SKU-1001", 1), "repeat.json");
        hub.awaitSingle("done", "repeat.json");
        assertThat(route("inbox-files").path("staged").asInt()).isZero();

        assertThat(JSON.readTree(hub.admin("POST", "/admin/routes/webstore-orders/run", null).body()).path("booked").asInt()).isEqualTo(1);
        HttpResponse<String> afterTheDrain = post("WEB-REPEAT-STAGED");
        assertThat(afterTheDrain.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(afterTheDrain.body()).path("erpOrderNumber").asText()).isEqualTo(erpNumberOf("WEB-REPEAT-STAGED"));
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isEqualTo(2);
    }

    @Test
    void metricsShowWhatIsStagedProcessedAndWaitingForTheBackOffice() {
        switchTo("webstore-orders", "batch", "0 0 3 * * ?");
        post("WEB-METRICS-1");
        post("WEB-METRICS-2");

        assertThat(metrics()).contains("hub_staged_orders{routeId=\"webstore-orders\"} 2.0")
                .containsPattern("hub_work_waiting\\{queue=\"order-events\"} \\d")
                .containsPattern("hub_work_waiting\\{queue=\"customer-touches\"} \\d");

        hub.admin("POST", "/admin/routes/webstore-orders/run", null);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(metrics())
                .contains("hub_staged_orders{routeId=\"webstore-orders\"} 0.0")
                .contains("hub_work_waiting{queue=\"order-events\"} 0.0")
                .contains("hub_work_waiting{queue=\"customer-touches\"} 0.0"));
        assertThat(metrics()).containsPattern("camel_exchanges_total\\{[^}]*routeId=\"webstore-orders\"[^}]*} [1-9]");
    }

    @Test
    void theQuartzScheduleDrainsTheStage() {
        switchTo("webstore-orders", "batch", "0/1 * * * * ?");

        assertThat(post("WEB-SCHEDULED-1").statusCode()).isEqualTo(202);
        assertThat(post("WEB-SCHEDULED-2").statusCode()).isEqualTo(202);

        Awaitility.await("scheduled drain").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> hub.erpNumber("SELECT COUNT(*) FROM ORDHDR") == 2);
    }

    @Test
    void switchingBackToRealTimeDrainsTheStageAndAnswers201Again() {
        switchTo("webstore-orders", "batch", "0 0 3 * * ?");
        assertThat(post("WEB-SWITCH-1").statusCode()).isEqualTo(202);

        switchTo("webstore-orders", "realtime", null);

        Awaitility.await("drain on switch").atMost(Duration.ofSeconds(10))
                .until(() -> hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-SWITCH-1'") == 1);
        assertThat(post("WEB-SWITCH-2").statusCode()).isEqualTo(201);
    }

    @Test
    void modeAndScheduleSurviveARestart() throws Exception {
        switchTo("webstore-orders", "batch", "0 15 2 * * ?");
        assertThat(post("WEB-RESTART-1").statusCode()).isEqualTo(202);

        hub.restart();

        JsonNode route = route("webstore-orders");
        assertThat(route.path("mode").asText()).isEqualTo("batch");
        assertThat(route.path("cron").asText()).isEqualTo("0 15 2 * * ?");
        assertThat(route.path("changedBy").asText()).isEqualTo("admin");
        assertThat(route.path("staged").asInt()).as("staged orders survive too").isEqualTo(1);
        assertThat(post("WEB-RESTART-2").statusCode()).isEqualTo(202);
    }

    @Test
    void invalidModeOrCronIsA400AndChangesNothing() throws Exception {
        HttpResponse<String> badMode = hub.admin("PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"sometimes\"}");
        HttpResponse<String> badCron = hub.admin("PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"batch\",\"cron\":\"every minute\"}");
        HttpResponse<String> unknownRoute = hub.admin("PUT", "/admin/routes/no-such-route/mode", "{\"mode\":\"batch\"}");

        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(badCron.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badCron.body()).path("detail").asText()).contains("every minute");
        assertThat(unknownRoute.statusCode()).isEqualTo(404);
        assertThat(route("webstore-orders").path("mode").asText()).isEqualTo("realtime");
    }

    /** Issue 22: a cron Quartz parses but cannot schedule left the stored mode batch and the route without a schedule. */
    @Test
    void aCronThatNeverFiresIsA400AndLeavesModeCronAndScheduleAsTheyWere() throws Exception {
        String cronBefore = route("webstore-orders").path("cron").asText();
        HttpResponse<String> never = hub.admin("PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"batch\",\"cron\":\"0 0 0 30 2 ?\"}");

        assertThat(never.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(never.body()).path("detail").asText()).contains("never fires");
        JsonNode route = route("webstore-orders");
        assertThat(route.path("mode").asText()).isEqualTo("realtime");
        assertThat(route.path("cron").asText()).isEqualTo(cronBefore);
        assertThat(hub.camel().getRoute("schedule-webstore-orders")).as("the real-time schedule is still there").isNotNull();
        assertThat(post("WEB-STILL-REALTIME-2").statusCode()).isEqualTo(201);
    }

    /** Issue 22: the last run counted orders found booked before as booked. */
    @Test
    void theLastRunCountsBookedAlreadyBookedAndDeliveredApart() throws Exception {
        hub.camel().getRegistry().findSingleByType(org.backofficehub.batch.DrainRuns.class)
                .record(new org.backofficehub.batch.DrainResult("webstore-orders", 1, 2, 3, 0, 0));

        JsonNode lastRun = route("webstore-orders").path("lastRun");
        assertThat(lastRun.path("booked").asInt()).isEqualTo(1);
        assertThat(lastRun.path("alreadyBooked").asInt()).isEqualTo(2);
        assertThat(lastRun.path("failed").asInt()).isEqualTo(3);
        assertThat(lastRun.path("delivered").asInt()).isZero();
    }

    private String metrics() {
        HttpResponse<String> metrics = hub.get("/observe/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body();
    }

    private void switchTo(String routeId, String mode, String cron) {
        String body = cron == null ? "{\"mode\":\"" + mode + "\"}" : "{\"mode\":\"" + mode + "\",\"cron\":\"" + cron + "\"}";
        HttpResponse<String> response = hub.admin("PUT", "/admin/routes/" + routeId + "/mode", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> post(String orderId) {
        return hub.postJson("/api/orders", TestOrders.webOrderJson(orderId, "SKU-1001", 1).getBytes(StandardCharsets.UTF_8));
    }

    private String erpNumberOf(String orderId) throws Exception {
        return JSON.readTree(hub.get("/api/orders/" + orderId).body()).path("erpOrderNumber").asText();
    }

    private JsonNode route(String routeId) throws Exception {
        for (JsonNode route : JSON.readTree(hub.admin("GET", "/admin/routes", null).body())) {
            if (route.path("routeId").asText().equals(routeId)) {
                return route;
            }
        }
        throw new AssertionError("No route " + routeId);
    }
}
