package org.backofficehub.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.Test;

/** Issue 22: the JVM, the connection pools and the business in /observe/metrics, after a web order and an EDI order. */
class MetricsTest {

    @Test
    void jvmPoolsAndBusinessCountersAfterAWebOrderAndAnEdiOrder() throws Exception {
        try (RunningHub hub = RunningHub.start()) {
            assertThat(hub.postJson("/api/orders", TestOrders.webOrderJson("WEB-METRIC-1", "SKU-1001", 1)
                    .getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
            assertThat(hub.postJson("/api/orders", TestOrders.webOrderJson("WEB-METRIC-2", "SKU-DOES-NOT-EXIST", 1)
                    .getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(422);
            hub.drop("edifact/orders-d96a-eancom.edi", "nordwind-order.edi");
            hub.awaitSingle("done", "nordwind-order.edi");

            Awaitility.await("the follow-up's documents").atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(metrics(hub))
                    .containsPattern("hub_documents_sent_total\\{kind=\"[A-Za-z-]+\",partner=\"none\"} [1-9]"));
            String metrics = metrics(hub);
            // What the dashboard and alert examples in docs/ are written against.
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/observe-metrics.txt"), metrics);
            assertThat(metrics)
                    // The JVM
                    .containsPattern("jvm_memory_used_bytes\\{area=\"heap\"")
                    .contains("jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                            "process_cpu_usage", "process_uptime_seconds", "system_cpu_count")
                    // Both connection pools
                    .containsPattern("hikaricp_connections_active\\{pool=\"[^\"]*hub[^\"]*\"}")
                    .containsPattern("hikaricp_connections_active\\{pool=\"[^\"]*erp[^\"]*\"}")
                    .contains("hikaricp_connections_pending", "hikaricp_connections_max", "hikaricp_connections_timeout_total")
                    // Route latency with buckets, for p99
                    .containsPattern("camel_route_policy_seconds_bucket\\{[^}]*routeId=\"webstore-order-intake\"")
                    // The business, by channel, source and partner
                    .contains("hub_orders_booked_total{channel=\"webstore-orders\",source=\"WEBSTORE\"} 1.0")
                    .contains("hub_orders_booked_total{channel=\"inbox-files\",source=\"NORDWIND\"} 2.0")
                    .contains("hub_orders_refused_total{channel=\"webstore-orders\",problem=\"unknown-sku\"} 1.0")
                    .contains("hub_acknowledgements_sent_total{partner=\"NORDWIND\",type=\"CONTRL\"} 1.0")
                    .containsPattern("hub_documents_sent_total\\{kind=\"ORDRSP\",partner=\"NORDWIND\"} 1.0");
        }
    }

    private static String metrics(RunningHub hub) {
        HttpResponse<String> metrics = hub.get("/observe/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body();
    }
}
