package org.backofficehub.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Batch mode's benchmark (run by {@code bench/run batch}): stage 100,000 web-store orders over
 * HTTP in batch mode, drain them with run-now, then book orders in real time, on H2 and on
 * PostgreSQL; reports drain time and the hub's CPU per order for batch against real time.
 */
public final class BatchBenchmark {

    /** JDBC URL options for the PostgreSQL runs, e.g. -Dbench.postgres-url-options=&reWriteBatchedInserts=true */
    private static final String POSTGRES_URL_OPTIONS = System.getProperty("bench.postgres-url-options", "");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getProperty("bench.runs", "3"));
        int staged = Integer.parseInt(System.getProperty("bench.staged", "100000"));
        int realtime = Integer.parseInt(System.getProperty("bench.realtime", "20000"));
        String classpath = System.getProperty("bench.hub-classpath");
        List<String> databases = List.of(System.getProperty("bench.databases", "h2,postgres").split(","));

        List<String> rows = new ArrayList<>();
        for (String database : databases) {
            List<Run> results = new ArrayList<>();
            try (EmbeddedPostgres postgres = "postgres".equals(database) ? EmbeddedPostgres.builder().start() : null) {
                for (int run = 1; run <= runs; run++) {
                    results.add(runOnce(database, postgres, run, staged, realtime, classpath));
                }
            }
            boolean serverCost = "postgres".equals(database);
            rows.add(String.format("| %s | %,.0f | %.1f | %.1f | %.1f | %.0f | %.3f | %.3f | %s | %s |", database,
                    median(results, Run::stagingPerSecond), median(results, Run::drainSeconds), median(results, Run::batchCatchUpSeconds),
                    median(results, Run::stageAndDrainSeconds), median(results, Run::realtimePerSecond),
                    median(results, Run::batchCpuPerOrder), median(results, Run::realtimeCpuPerOrder),
                    !serverCost ? "in the hub" : String.format("%.3f / %.3f",
                            median(results, Run::batchServerCpuPerOrder), median(results, Run::realtimeServerCpuPerOrder)),
                    !serverCost ? "—" : String.format("%.4f / %.4f",
                            median(results, Run::batchErpCommitsPerOrder), median(results, Run::realtimeErpCommitsPerOrder))));
        }
        System.out.println();
        System.out.printf("Medians of %d runs; %,d orders staged then drained, %,d booked in real time%n%n", runs, staged, realtime);
        System.out.println("| database | staging orders/s | drain s | back office caught up s later | stage + drain s"
                + " | real-time orders/s (16 clients) | batch hub CPU ms/order | real-time hub CPU ms/order"
                + " | database server CPU ms/order, batch / real time | ERP commits per order, batch / real time |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    /**
     * One run's measurements. CPU per order counts the back office's follow-up of those orders
     * (invoices, postings, documents, customer master), caught up after the drain or the real-time
     * load, so both modes pay for the same work.
     */
    private record Run(double stagingPerSecond, double drainSeconds, double batchCatchUpSeconds, double stageAndDrainSeconds,
                       double realtimePerSecond, double batchCpuPerOrder, double realtimeCpuPerOrder,
                       double batchServerCpuPerOrder, double realtimeServerCpuPerOrder,
                       double batchErpCommitsPerOrder, double realtimeErpCommitsPerOrder) {
    }

    private static Run runOnce(String database, EmbeddedPostgres postgres, int run, int staged, int realtime, String classpath)
            throws Exception {
        Path dataDir = Files.createTempDirectory("hub-batch-bench-");
        List<String> settings = new ArrayList<>();
        if (postgres != null) {
            for (String store : List.of("hub", "erp")) {
                String name = store + "_" + run;
                try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                    c.createStatement().execute("CREATE DATABASE " + name);
                }
                settings.add("-Dhub." + (store.equals("hub") ? "store" : "erp") + ".url=" + postgres.getJdbcUrl("postgres", name) + POSTGRES_URL_OPTIONS);
                settings.add("-Dhub." + (store.equals("hub") ? "store" : "erp") + ".user=postgres");
            }
        }
        System.setProperty("bench.hub-args", String.join(" ", settings));
        try (HubProcess hub = HubProcess.start(dataDir, classpath)) {
            admin(hub, "PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"batch\",\"cron\":\"0 0 3 * * ?\"}");
            AtomicLong sequence = new AtomicLong();
            URI orders = URI.create("http://localhost:" + hub.port + "/api/orders");
            HttpLoad load = new HttpLoad(orders, sequence, 202, n -> HttpRequest.newBuilder().header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(HubBenchmark.webOrder("S" + n))));
            load.closedLoop("warm-up staging", 16, Duration.ofSeconds(3));
            admin(hub, "POST", "/admin/routes/webstore-orders/run", null);
            awaitBackOfficeCaughtUp(hub);

            DatabaseCost databaseCost = new DatabaseCost(postgres, "erp_" + run);
            DatabaseCost.Reading batchStart = databaseCost.read();
            Duration cpuBefore = hub.cpu();
            long stagingStarted = System.nanoTime();
            HttpLoad.Result staging = load.closedLoopCount("staging", 16, staged);
            double stagingSeconds = (System.nanoTime() - stagingStarted) / 1e9;
            long drainStarted = System.nanoTime();
            String drained = admin(hub, "POST", "/admin/routes/webstore-orders/run", null);
            double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;
            long catchUpStarted = System.nanoTime();
            awaitBackOfficeCaughtUp(hub);
            double catchUpSeconds = (System.nanoTime() - catchUpStarted) / 1e9;
            double batchCpuPerOrder = (hub.cpu().minus(cpuBefore).toNanos() / 1e6) / staged;
            DatabaseCost.Reading batchCost = databaseCost.read().minus(batchStart);

            admin(hub, "PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"realtime\"}");
            HttpLoad booking = new HttpLoad(orders, sequence, 201, n -> HttpRequest.newBuilder().header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(HubBenchmark.webOrder("R" + n))));
            booking.closedLoop("warm-up real time", 16, Duration.ofSeconds(3));
            awaitBackOfficeCaughtUp(hub);
            cpuBefore = hub.cpu();
            DatabaseCost.Reading liveStart = databaseCost.read();
            HttpLoad.Result live = booking.closedLoopCount("real time", 16, realtime);
            awaitBackOfficeCaughtUp(hub);
            double realtimeCpuPerOrder = (hub.cpu().minus(cpuBefore).toNanos() / 1e6) / realtime;
            DatabaseCost.Reading liveCost = databaseCost.read().minus(liveStart);

            System.out.printf("%s run %d: staged %,d in %.1f s (%d failed); drained in %.1f s %s, back office caught up %.1f s later; real time %.0f orders/s; CPU/order batch %.3f ms, real time %.3f ms; database %s vs %s%n",
                    database, run, staged, stagingSeconds, staging.failures(), drainSeconds, drained, catchUpSeconds, live.throughput(),
                    batchCpuPerOrder, realtimeCpuPerOrder, batchCost, liveCost);
            return new Run(staged / stagingSeconds, drainSeconds, catchUpSeconds, stagingSeconds + drainSeconds, live.throughput(),
                    batchCpuPerOrder, realtimeCpuPerOrder, batchCost.cpuMillis() / staged, liveCost.cpuMillis() / realtime,
                    (double) batchCost.erpCommits() / staged, (double) liveCost.erpCommits() / realtime);
        } finally {
            HubProcess.delete(dataDir);
        }
    }

    private static String admin(HubProcess hub, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port + path))
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + HubProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Until no booking waits for its follow-up, no contact for the customer master, no invoice document for accounting. */
    private static void awaitBackOfficeCaughtUp(HubProcess hub) throws Exception {
        List<String> waiting = List.of("hub_work_waiting{queue=\"order-events\"}", "hub_work_waiting{queue=\"customer-touches\"}",
                "hub_outbound_messages{routeId=\"accounting-export\",state=\"pending\"}");
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            String metrics = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + hub.port + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (waiting.stream().allMatch(gauge -> metrics.contains(gauge + " 0.0"))) {
                return;
            }
            // Not more often: counting a queue that is being worked on costs H2 a visit to every row.
            Thread.sleep(2000);
        }
        throw new IllegalStateException("The back office did not catch up within 20 minutes");
    }

    private static double median(List<Run> results, java.util.function.ToDoubleFunction<Run> measure) {
        double[] values = results.stream().mapToDouble(measure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
