package org.backofficehub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.backofficehub.support.HubProcessFixture;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.Test;

/**
 * The acceptance scenario: kill -9 the daemon while it drains 10,000 staged orders, restart it,
 * and every staged order is booked exactly once.
 */
class BatchCrashIT {

    private static final int ORDERS = 10_000;
    private static final String PASSWORD = "crash-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void killedMidDrainEveryStagedOrderIsBookedExactlyOnceAfterRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("hub-crash-");
        HubProcessFixture hub = new HubProcessFixture(dataDir,
                Map.of("HUB_ADMIN_PASSWORD", PASSWORD, "HUB_ROUTES_WEBSTORE_ORDERS_MODE", "batch",
                        "HUB_ROUTES_WEBSTORE_ORDERS_CRON", "0 0 3 * * ?"),
                // A short claim lease: after the restart, the orders whose booking the kill cut short
                // are taken over (and found in the ERP) within seconds instead of half a minute.
                List.of("-Dhub.batch.drain-chunk=100", "-Dhub.booking.claim-lease=PT2S"));
        hub.start();
        stageOrders(hub);
        assertThat(staged(hub)).isEqualTo(ORDERS);

        hub.http().sendAsync(admin(hub, "/admin/routes/webstore-orders/run").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        long stagedAtKill;
        do {
            stagedAtKill = staged(hub);
        } while (stagedAtKill == ORDERS);
        hub.kill9();
        assertThat(stagedAtKill).as("killed while the drain was under way").isBetween(1L, (long) ORDERS - 1);

        hub.start();
        Awaitility.await("stage drained after restart").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    HttpResponse<String> rerun = hub.http().send(admin(hub, "/admin/routes/webstore-orders/run")
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(200);
                    assertThat(JSON.readTree(rerun.body()).path("failed").asInt()).as(rerun.body()).isZero();
                    return staged(hub) == 0;
                });
        HttpResponse<String> failures = hub.http().send(admin(hub, "/admin/failures?state=all").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(failures.body())).as("no failure records from the crash").isEmpty();
        hub.stop();

        try (Connection erp = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/erp"), "sa", "");
             Connection store = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/hub"), "sa", "")) {
            assertThat(number(erp, "SELECT COUNT(*) FROM ORDHDR")).isEqualTo(ORDERS);
            assertThat(number(erp, "SELECT COUNT(DISTINCT OHCREF) FROM ORDHDR")).isEqualTo(ORDERS);
            assertThat(number(erp, "SELECT COUNT(*) FROM ORDLIN")).isEqualTo(ORDERS);
            assertThat(number(erp, "SELECT SUM(IMALLO) FROM ITMMAS")).as("stock allocated once per order").isEqualTo(ORDERS);
            assertThat(number(store, "SELECT COUNT(*) FROM order_booking WHERE state = 'BOOKED'")).isEqualTo(ORDERS);
            assertThat(number(store, "SELECT COUNT(*) FROM staged_order")).isZero();
        }
    }

    private static void stageOrders(HubProcessFixture hub) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            // Two items, so the demo catalogue's stock covers all 10,000 orders.
            String body = TestOrders.webOrderJson("CRASH-" + i, i % 2 == 0 ? "SKU-1001" : "SKU-1003", 1);
            statuses.add(senders.submit(() -> hub.http().send(hub.request("/api/orders").header("Content-Type", "application/json")
                    .header("Authorization", RunningHub.basic("admin", PASSWORD))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(202);
        }
        senders.shutdown();
    }

    private static long staged(HubProcessFixture hub) throws Exception {
        HttpResponse<String> routes = hub.http().send(admin(hub, "/admin/routes").GET().build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode route : JSON.readTree(routes.body())) {
            if ("webstore-orders".equals(route.path("routeId").asText())) {
                return route.path("staged").asLong();
            }
        }
        throw new AssertionError("webstore-orders missing from " + routes.body());
    }

    private static HttpRequest.Builder admin(HubProcessFixture hub, String path) {
        return hub.request(path).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static long number(Connection connection, String sql) throws Exception {
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
