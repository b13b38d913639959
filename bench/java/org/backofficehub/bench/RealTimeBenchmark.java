package org.backofficehub.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.backofficehub.config.Databases.DatabaseSettings;
import org.backofficehub.config.HubDatabases;
import org.backofficehub.store.DataDirectory;

/**
 * Issue 23's benchmark of record (run by {@code bench/run realtime}): real-time web orders against
 * what the database alone needs to write them. Per database in {@code bench.databases}, in one run:
 * <ol>
 *   <li>the database's floor ({@link BookingFloor}): one writer, then 16 producers through one
 *       group-commit writer;</li>
 *   <li>the hub with the back office off: its follow-up and delivery timers
 *       ({@code hub.outbound.poll-ms}) fire once at start and not again, so bookings only queue
 *       their order events;</li>
 *   <li>the hub with the back office on (its defaults), each scenario followed until the back
 *       office has caught up, whose CPU is counted too.</li>
 * </ol>
 * Each hub is a fresh process on fresh databases: warm-up ({@code bench.warmup-seconds} at 16
 * clients, default 90, for the JIT to settle; what it still compiles is shown), 1 client, 16 clients, then a fixed
 * rate of half the 16-client peak that process just reached.
 */
public final class RealTimeBenchmark {

    private static final int CLIENTS = 16;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** RecentReading keeps the queue gauges this long; a zero must hold longer to be a fresh one. */
    private static final Duration GAUGE_CACHE = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(300);

    /**
     * One scenario's figures; NaN where they do not apply. catchUpSeconds is infinite when the back
     * office did not catch up. cpuPerOrder is the hub's, or for the floor the benchmark JVM's.
     */
    private record Row(double ordersPerSecond, double p50, double p99, long failed, double cpuPerOrder, double jitPerOrder,
                       double caughtUpAfterSeconds,
                       double catchUpSeconds, double cpuPerOrderCaughtUp, double serverCpuPerOrder, double rate) {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getProperty("bench.runs", "1"));
        Duration window = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "10")));
        // Under this load the JIT is still compiling a minute in; shorter, and the figures measure the compiler.
        Duration warmUp = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.warmup-seconds", "90")));
        String classpath = System.getProperty("bench.hub-classpath");
        List<String> databases = List.of(System.getProperty("bench.databases", "h2,postgres").split(","));
        String hubArgs = System.getProperty("bench.hub-args", "").trim();

        List<String> tables = new ArrayList<>();
        for (String database : databases) {
            Map<String, List<Row>> rows = new LinkedHashMap<>();
            try (EmbeddedPostgres postgres = "postgres".equals(database) ? EmbeddedPostgres.builder().start() : null) {
                for (int run = 1; run <= runs; run++) {
                    System.out.printf("%s run %d%n", database, run);
                    floor(postgres, run, window, rows);
                    for (boolean backOffice : new boolean[] {false, true}) {
                        hub(postgres, run, backOffice, warmUp, window, classpath, hubArgs, rows);
                    }
                }
            }
            tables.add(table(database, runs, rows, postgres(database)));
        }
        System.out.println();
        System.out.printf("%s of %d run(s), %d s windows%n", runs > 1 ? "Medians" : "Results", runs, window.toSeconds());
        tables.forEach(System.out::println);
    }

    private static boolean postgres(String database) {
        return "postgres".equals(database);
    }

    private static void floor(EmbeddedPostgres postgres, int run, Duration window, Map<String, List<Row>> rows) throws Exception {
        Path dataDir = Files.createTempDirectory("hub-floor-bench-");
        List<DatabaseSettings> settings = freshDatabases(postgres, "floor_" + run);
        // The hub's own way of opening and migrating its two databases: the same H2 URL options
        // (Databases.H2_OPTIONS), the same migrations and the bench stock, as HubProcess gives the hub.
        try (HubDatabases databases = HubDatabases.open(new DataDirectory(dataDir), settings.get(0), settings.get(1),
                "classpath:db/erp", "classpath:db/erp-bench")) {
            BookingFloor floor = new BookingFloor(databases.hubStore(), databases.erp());
            DatabaseCost cost = new DatabaseCost(postgres, "floor_" + run + "_erp");
            // Warm-up, so the JIT has compiled the JDBC paths, as the hubs get theirs.
            floor.oneWriter("warm-up", Duration.ofSeconds(2));
            floor.groupCommit("warm-up", CLIENTS, Duration.ofSeconds(2));
            for (boolean grouped : new boolean[] {false, true}) {
                DatabaseCost.Reading before = cost.read();
                BookingFloor.Result result = grouped
                        ? floor.groupCommit("database floor, " + CLIENTS + " producers, group commit", CLIENTS, window)
                        : floor.oneWriter("database floor, 1 writer", window);
                DatabaseCost.Reading spent = cost.read().minus(before);
                double server = postgres == null ? Double.NaN : spent.cpuMillis() / result.orders();
                System.out.printf("  %-46s %8.0f orders/s  JVM CPU %.3f ms/order%s%n", result.name(), result.throughput(),
                        result.cpuPerOrder(), postgres == null ? "" : String.format("  PostgreSQL %.3f ms/order, %s", server, spent));
                rows.computeIfAbsent(result.name(), k -> new ArrayList<>()).add(new Row(result.throughput(), Double.NaN, Double.NaN, 0,
                        result.cpuPerOrder(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, server, Double.NaN));
            }
        } finally {
            HubProcess.delete(dataDir);
        }
    }

    private static void hub(EmbeddedPostgres postgres, int run, boolean backOffice, Duration warmUp, Duration window, String classpath,
                            String hubArgs,
                            Map<String, List<Row>> rows) throws Exception {
        String label = backOffice ? "back office on" : "back office off";
        String prefix = (backOffice ? "on_" : "off_") + run;
        List<String> args = new ArrayList<>();
        if (!hubArgs.isEmpty()) {
            args.add(hubArgs);
        }
        List<DatabaseSettings> settings = freshDatabases(postgres, prefix);
        if (postgres != null) {
            args.addAll(List.of("-Dhub.store.url=" + settings.get(0).url(), "-Dhub.store.user=" + settings.get(0).user(),
                    "-Dhub.erp.url=" + settings.get(1).url(), "-Dhub.erp.user=" + settings.get(1).user()));
        }
        if (!backOffice) {
            args.add("-Dhub.outbound.poll-ms=3600000");
        }
        System.setProperty("bench.hub-args", String.join(" ", args));
        Path dataDir = Files.createTempDirectory("hub-realtime-bench-");
        try (HubProcess hub = HubProcess.start(dataDir, classpath)) {
            System.out.printf("  %s: healthy after %d ms%n", label, hub.startupMillis);
            HttpLoad load = new HttpLoad(URI.create("http://localhost:" + hub.port + "/api/orders"), new AtomicLong(),
                    n -> HttpRequest.newBuilder().header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(HubBenchmark.webOrder("R" + n))));
            load.closedLoop("warm-up", CLIENTS, warmUp);
            load.closedLoop("warm-up", 1, Duration.ofSeconds(3));
            if (backOffice && awaitCaughtUp(hub, false) == null) {
                throw new IllegalStateException("The back office did not catch up with the warm-up within " + CATCH_UP_LIMIT);
            }
            DatabaseCost cost = new DatabaseCost(postgres, prefix + "_erp");
            scenario(rows, hub, cost, backOffice, label + ", 1 client", Double.NaN, () -> load.closedLoop(label + ", 1 client", 1, window));
            Row peak = scenario(rows, hub, cost, backOffice, label + ", " + CLIENTS + " clients", Double.NaN,
                    () -> load.closedLoop(label + ", " + CLIENTS + " clients", CLIENTS, window));
            // Half the peak this process just reached: a load it should carry with room to spare.
            int rate = Math.max(1, (int) Math.round(peak.ordersPerSecond() / 2));
            scenario(rows, hub, cost, backOffice, label + ", fixed half the 16-client peak", rate,
                    () -> load.fixedRate(label + ", fixed " + rate + "/s", rate, window, 64));
            if (!backOffice) {
                // Evidence that the back office really was off: the bookings' order events are still queued.
                System.out.printf("    left waiting, back office off: %s%n", waiting(hub));
            }
        } finally {
            HubProcess.delete(dataDir);
        }
    }

    /**
     * One load, its hub CPU per order answered 201 and, back office on, the time and CPU until the
     * back office has caught up with it (CPU from the load's start). PostgreSQL's CPU spans the
     * same: the load, or the load and the catch-up.
     */
    private static Row scenario(Map<String, List<Row>> rows, HubProcess hub, DatabaseCost cost, boolean backOffice, String key,
                                double rate, Callable<HttpLoad.Result> load) throws Exception {
        DatabaseCost.Reading before = cost.read();
        Duration cpuBefore = hub.cpu();
        Duration jitBefore = hub.compilerCpu();
        HttpLoad.Result result = load.call();
        long booked = result.requests() - result.failures();
        double cpuPerOrder = millis(hub.cpu().minus(cpuBefore)) / booked;
        double jitPerOrder = millis(hub.compilerCpu().minus(jitBefore)) / booked;
        double caughtUpAfter = Double.NaN;
        double catchUpSeconds = Double.NaN;
        double cpuPerOrderCaughtUp = Double.NaN;
        if (backOffice) {
            long loadEnded = System.nanoTime();
            CaughtUp caughtUp = awaitCaughtUp(hub, true);
            if (caughtUp == null) {
                catchUpSeconds = Double.POSITIVE_INFINITY;
            } else {
                caughtUpAfter = Math.max(0, (caughtUp.stillWaitingAt() - loadEnded) / 1e9);
                catchUpSeconds = (caughtUp.at() - loadEnded) / 1e9;
                cpuPerOrderCaughtUp = millis(caughtUp.cpu().minus(cpuBefore)) / booked;
            }
        }
        DatabaseCost.Reading spent = cost.read().minus(before);
        double server = cost.measures() ? spent.cpuMillis() / booked : Double.NaN;
        System.out.printf("  %-46s %8.0f orders/s  p50 %6.2f ms  p99 %7.2f ms  failed %d  hub CPU %.3f ms/order (JIT %.3f)%s%s%n",
                result.name(), result.throughput(), result.p50Millis(), result.p99Millis(), result.failures(), cpuPerOrder, jitPerOrder,
                !backOffice ? "" : Double.isInfinite(catchUpSeconds) ? "  did not catch up"
                        : String.format("  caught up %.1f–%.1f s later, %.3f ms/order with it", caughtUpAfter, catchUpSeconds,
                                cpuPerOrderCaughtUp),
                cost.measures() ? String.format("  PostgreSQL %.3f ms/order, %s", server, spent) : "");
        Row row = new Row(result.throughput(), result.p50Millis(), result.p99Millis(), result.failures(), cpuPerOrder, jitPerOrder,
                caughtUpAfter,
                catchUpSeconds, cpuPerOrderCaughtUp, server, rate);
        rows.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        return row;
    }

    /**
     * When the back office was first seen caught up and the hub's CPU then; before that, when work
     * was last seen waiting in a fresh count (so it caught up between the two).
     */
    record CaughtUp(long stillWaitingAt, long at, Duration cpu) {
    }

    /**
     * Polls {@code /observe/metrics} until no work waits for the back office (every
     * {@code hub_work_waiting} and every pending {@code hub_outbound_messages} sample is 0). The
     * gauges are cached for a second (RecentReading), so a zero counts only once it still holds
     * more than a second later, i.e. from a fresh count; the time and CPU are those of the first
     * zero. The back office caught up after the last fresh count that still found work: one is
     * known fresh when its values changed, or when it is the first after a load (longer than the
     * cache), and was counted at most one poll before it was seen. Null after CATCH_UP_LIMIT.
     */
    private static CaughtUp awaitCaughtUp(HubProcess hub, boolean show) throws Exception {
        return awaitCaughtUp(hub, hub::cpu, show);
    }

    /**
     * The same, reading the gauges of {@code hub} and, for the CPU, {@code cpu}: with several hubs
     * on one hub store any one's gauges count the work waiting for all, and the CPU is theirs summed.
     */
    static CaughtUp awaitCaughtUp(HubProcess hub, java.util.function.Supplier<Duration> cpu, boolean show) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        CaughtUp firstZero = null;
        Map<String, Double> previous = null;
        long stillWaitingAt = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long polled = System.nanoTime();
            Map<String, Double> waiting = waiting(hub);
            if (previous == null && show) {
                System.out.printf("    waiting for the back office: %s%n", waiting);
            }
            boolean caughtUp = waiting.values().stream().allMatch(value -> value == 0);
            if (!caughtUp && !waiting.equals(previous)) {
                stillWaitingAt = polled - POLL.toNanos();
            }
            previous = waiting;
            if (caughtUp) {
                if (firstZero == null) {
                    firstZero = new CaughtUp(stillWaitingAt, System.nanoTime(), cpu.get());
                } else if (System.nanoTime() - firstZero.at() > GAUGE_CACHE.toNanos()) {
                    return firstZero;
                }
            } else {
                firstZero = null;
            }
            Thread.sleep(POLL.toMillis());
        }
        return null;
    }

    /** The samples that say work is waiting; it is an error for either metric to be missing, lest "none seen" pass for "none waiting". */
    private static Map<String, Double> waiting(HubProcess hub) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> waiting = new TreeMap<>();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("hub_work_waiting{")
                    || line.startsWith("hub_outbound_messages{") && line.contains("state=\"pending\"")) {
                int space = line.lastIndexOf(' ');
                waiting.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        for (String metric : List.of("hub_work_waiting{", "hub_outbound_messages{")) {
            if (waiting.keySet().stream().noneMatch(sample -> sample.startsWith(metric))) {
                throw new IllegalStateException("/observe/metrics has no " + metric + "...} sample to tell whether the back office caught up");
            }
        }
        return waiting;
    }

    /** Fresh hub-store and ERP databases: H2 files under a data directory (empty URL), or two new PostgreSQL databases. */
    static List<DatabaseSettings> freshDatabases(EmbeddedPostgres postgres, String prefix) throws Exception {
        List<DatabaseSettings> settings = new ArrayList<>();
        for (String store : List.of("hub", "erp")) {
            if (postgres == null) {
                settings.add(new DatabaseSettings("", "sa", "", 4));
                continue;
            }
            String name = prefix + "_" + store;
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE " + name);
            }
            settings.add(new DatabaseSettings(postgres.getJdbcUrl("postgres", name), "postgres", "", 4));
        }
        return settings;
    }

    private static String table(String database, int runs, Map<String, List<Row>> rows, boolean serverCpu) {
        StringBuilder out = new StringBuilder(String.format("%n%s%n%n", postgres(database) ? "PostgreSQL" : "H2"));
        out.append("| scenario | orders/s | p50 ms | p99 ms | failed | hub CPU ms/order | of which JIT | catch-up s | CPU ms/order incl. catch-up |")
                .append(serverCpu ? " PostgreSQL CPU ms/order |" : "").append('\n');
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|").append(serverCpu ? "---:|" : "").append('\n');
        rows.forEach((key, results) -> {
            double rate = median(results, Row::rate);
            double catchUp = median(results, Row::catchUpSeconds);
            String catchUpRange = Double.isInfinite(catchUp) ? "did not catch up" : Double.isNaN(catchUp) ? ""
                    : String.format("%.1f–%.1f", median(results, Row::caughtUpAfterSeconds), catchUp);
            out.append(String.format("| %s | %,.0f | %s | %s | %s | %.3f | %s | %s | %s |%s%n",
                    Double.isNaN(rate) ? key : key.replace("half the 16-client peak", String.format("%,.0f/s", rate)),
                    median(results, Row::ordersPerSecond), number(median(results, Row::p50), "%.2f"),
                    number(median(results, Row::p99), "%.2f"),
                    key.startsWith("database floor") ? "" : results.stream().mapToLong(Row::failed).sum(),
                    median(results, Row::cpuPerOrder), number(median(results, Row::jitPerOrder), "%.3f"), catchUpRange,
                    number(median(results, Row::cpuPerOrderCaughtUp), "%.3f"),
                    serverCpu ? " " + number(median(results, Row::serverCpuPerOrder), "%.3f") + " |" : ""));
        });
        List<Row> floor = rows.get("database floor, " + CLIENTS + " producers, group commit");
        List<Row> hub = rows.get("back office on, " + CLIENTS + " clients");
        double floorCpu = median(floor, Row::cpuPerOrder) + (serverCpu ? median(floor, Row::serverCpuPerOrder) : 0);
        double hubCpu = median(hub, Row::cpuPerOrderCaughtUp) + (serverCpu ? median(hub, Row::serverCpuPerOrder) : 0);
        out.append(String.format("%nhub at %d clients, back office on = %.3f × the database floor (%d producers, group commit) in orders/s;"
                        + " its CPU per order%s, caught up, = %.1f × the floor's%n", CLIENTS,
                median(hub, Row::ordersPerSecond) / median(floor, Row::ordersPerSecond), CLIENTS,
                serverCpu ? " (hub and PostgreSQL)" : "", hubCpu / floorCpu));
        out.append(String.format("(Floor rows: the CPU column is the benchmark JVM's, %s. Catch-up: between the last count"
                + " with work waiting and the first without, from the end of the load; the gauges are cached for %d s. CPU incl."
                + " catch-up is to the first count without.)%n", serverCpu ? "the JDBC client only" : "H2 included", GAUGE_CACHE.toSeconds()));
        return out.toString();
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) ? "" : String.format(format, value);
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    static <T> double median(List<T> values, ToDoubleFunction<T> metric) {
        double[] sorted = values.stream().mapToDouble(metric).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
