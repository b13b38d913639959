package org.backofficehub.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * The hub's benchmark (run by {@code bench/run}): HTTP orders into the ERP on H2 with 1 and 16
 * clients and at a fixed 2,000 orders/s, and 10,000 inbox files, each beside its baseline (the
 * same route pieces without translation), in the same runs. Prints medians, and the start-up to
 * healthy of this hub with the baselines; README's plain run command is timed by
 * {@link StartupBenchmark} ({@code bench/run startup}).
 */
public final class HubBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getProperty("bench.runs", "3"));
        Duration window = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "10")));
        int inboxFiles = Integer.parseInt(System.getProperty("bench.inbox-files", "10000"));
        int rate = Integer.parseInt(System.getProperty("bench.rate", "2000"));
        String classpath = System.getProperty("bench.hub-classpath");

        Map<String, List<HttpLoad.Result>> http = new LinkedHashMap<>();
        Map<String, List<InboxLoad.Result>> inbox = new LinkedHashMap<>();
        List<Long> startups = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path dataDir = Files.createTempDirectory("hub-bench-");
            try (HubProcess hub = HubProcess.start(dataDir, classpath)) {
                startups.add(hub.startupMillis);
                System.out.printf("run %d: healthy after %d ms%n", run, hub.startupMillis);
                AtomicLong sequence = new AtomicLong();
                HttpLoad translated = new HttpLoad(URI.create("http://localhost:" + hub.port + "/api/orders"), sequence,
                        n -> HttpRequest.newBuilder().header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(webOrder("R" + n))));
                HttpLoad baseline = new HttpLoad(URI.create("http://localhost:" + hub.port + "/bench/baseline/orders"), sequence,
                        n -> HttpRequest.newBuilder().header("X-Order-Id", "B" + n)
                                .POST(HttpRequest.BodyPublishers.ofString(webOrder("B" + n))));
                translated.closedLoop("warm-up", 16, Duration.ofSeconds(5));
                baseline.closedLoop("warm-up", 16, Duration.ofSeconds(3));
                translated.closedLoop("warm-up", 1, Duration.ofSeconds(3));
                baseline.closedLoop("warm-up", 1, Duration.ofSeconds(3));
                // Whichever of a pair runs first was measured slower (a warm-up effect), so the
                // order alternates between runs and the medians even it out.
                boolean translatedFirst = run % 2 == 1;
                for (int clients : new int[] {1, 16}) {
                    String suffix = clients == 1 ? ", 1 client" : ", " + clients + " clients";
                    for (boolean translatedNow : new boolean[] {translatedFirst, !translatedFirst}) {
                        record(http, translatedNow ? translated.closedLoop("HTTP" + suffix, clients, window)
                                : baseline.closedLoop("HTTP baseline" + suffix, clients, window));
                    }
                }
                for (boolean translatedNow : new boolean[] {translatedFirst, !translatedFirst}) {
                    record(http, translatedNow ? translated.fixedRate("HTTP, fixed " + rate + "/s", rate, window, 64)
                            : baseline.fixedRate("HTTP baseline, fixed " + rate + "/s", rate, window, 64));
                }
                recordInbox(inbox, InboxLoad.run("inbox, " + inboxFiles + " files", dataDir, "inbox", "done", inboxFiles,
                        i -> "F" + i + ".json", i -> InboxLoad.utf8(webOrder("F" + i))));
                recordInbox(inbox, InboxLoad.run("inbox baseline, " + inboxFiles + " files", dataDir, "inbox-baseline", "done-baseline",
                        inboxFiles, i -> "G" + i + ".json", i -> InboxLoad.utf8(webOrder("G" + i))));
            } finally {
                HubProcess.delete(dataDir);
            }
        }
        System.out.println();
        System.out.printf("Medians of %d runs (each run a fresh hub process and H2 data directory)%n%n", runs);
        System.out.printf("start-up to healthy, with the baselines: %d ms (runs: %s)%n%n", (long) median(startups, Long::doubleValue),
                startups);
        System.out.println("| scenario | orders/s | p50 ms | p99 ms | failed |");
        System.out.println("|---|---:|---:|---:|---:|");
        http.forEach((name, results) -> System.out.printf("| %s | %.0f | %.2f | %.2f | %d |%n", name,
                median(results, HttpLoad.Result::throughput), median(results, HttpLoad.Result::p50Millis),
                median(results, HttpLoad.Result::p99Millis), results.stream().mapToLong(HttpLoad.Result::failures).sum()));
        inbox.forEach((name, results) -> System.out.printf("| %s | %.0f | | | |%n", name, median(results, InboxLoad.Result::throughput)));
    }

    private static void record(Map<String, List<HttpLoad.Result>> results, HttpLoad.Result result) {
        // Table rows in a stable order whichever ran first.
        results.computeIfAbsent(result.name().replace("HTTP baseline", "HTTP"), k -> new ArrayList<>());
        System.out.printf("  %-34s %8.0f orders/s  p50 %6.2f ms  p99 %7.2f ms  failed %d%n", result.name(), result.throughput(),
                result.p50Millis(), result.p99Millis(), result.failures());
        results.computeIfAbsent(result.name(), k -> new ArrayList<>()).add(result);
    }

    private static void recordInbox(Map<String, List<InboxLoad.Result>> results, InboxLoad.Result result) {
        System.out.printf("  %-34s %8.0f files/s  (%.1f s)%n", result.name(), result.throughput(), result.seconds());
        results.computeIfAbsent(result.name(), k -> new ArrayList<>()).add(result);
    }

    private static <T> double median(List<T> values, ToDoubleFunction<T> metric) {
        double[] sorted = values.stream().mapToDouble(metric).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** The shape of the sample web-store order: a buyer, a ship-to, two lines. */
    static String webOrder(String orderId) {
        return """
                {"orderId":"%s","orderDate":"2026-11-23","currency":"EUR",
                 "customer":{"name":"Anna Müller","email":"anna.muller@example.com","phone":"+49 30 1234567",
                   "billingAddress":{"street":"Hauptstraße 5","city":"Berlin","postalCode":"10115","country":"DE"}},
                 "shippingAddress":{"name":"Kaffeehaus Mitte","street":"Torstraße 101","city":"Berlin","postalCode":"10119","country":"DE"},
                 "lines":[{"sku":"SKU-1001","description":"Espresso cup, white porcelain","quantity":1,"unitPrice":6.50},
                          {"sku":"SKU-2001","quantity":1,"unitPrice":18.40}]}""".formatted(orderId);
    }
}
