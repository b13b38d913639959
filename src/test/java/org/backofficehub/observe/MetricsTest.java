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
            docsNameOnlyExposedMetrics(metrics);
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
                    .containsPattern("hub_documents_sent_total\\{kind=\"ORDRSP\",partner=\"NORDWIND\"} 1.0")
                    .contains("hub_documents_sent_total{kind=\"invoice\",partner=\"none\"}")
                    .as("a partner's invoice is counted once, as its EDI type").doesNotContain("kind=\"partner-");
        }
    }

    /** The dashboard and the alert rules in docs/ name metrics the hub really exposes. */
    private static void docsNameOnlyExposedMetrics(String metrics) throws Exception {
        java.util.Set<String> exposed = new java.util.HashSet<>();
        java.util.regex.Matcher sample = java.util.regex.Pattern.compile("(?m)^([a-z_]+)[{ ]").matcher(metrics);
        while (sample.find()) {
            exposed.add(sample.group(1));
        }
        // Prometheus' own; a counter that starts with the first order staged in batch mode; GC pauses from the first collection.
        exposed.addAll(java.util.List.of("up", "hub_orders_staged_total", "jvm_gc_pause_seconds_sum"));
        for (String doc : java.util.List.of("docs/grafana-dashboard.json", "docs/prometheus-alerts.yml")) {
            java.util.regex.Matcher named = java.util.regex.Pattern.compile("\\b((?:hub|jvm|hikaricp|camel|process|system)_[a-z_]+)")
                    .matcher(java.nio.file.Files.readString(java.nio.file.Path.of(doc)));
            while (named.find()) {
                if (named.group(1).endsWith("_")) {
                    continue; // the start of a name pattern, hub_orders_(booked|staged|refused)_total
                }
                assertThat(exposed).as(doc + " names " + named.group(1)).contains(named.group(1));
            }
        }
    }

    private static String metrics(RunningHub hub) {
        HttpResponse<String> metrics = hub.get("/observe/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body();
    }
}
