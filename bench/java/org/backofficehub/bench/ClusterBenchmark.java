package org.backofficehub.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Issue 24's figures (run by {@code bench/run cluster}): 1, 2 and 3 packaged hubs on one embedded
 * PostgreSQL (hub store and ERP), one shared data directory and a real ZooKeeper (curator-test),
 * as README's "Running several hubs" sets them up.
 * <ol>
 *   <li>Cost per order: per instance count fresh databases and hubs, web orders from 16 clients
 *       spread round-robin over the hubs, back office on (its defaults); warm-up as
 *       {@link RealTimeBenchmark}'s per hub ({@code bench.warmup-seconds} times the hubs), then
 *       one window followed until the back office has caught up. The hubs' CPU summed, and PostgreSQL's, per order.</li>
 *   <li>Failover ({@link Failover}), {@code bench.runs} times per session timeout in
 *       {@code bench.session-timeouts}: three hubs under that load, the leader killed with -9.</li>
 * </ol>
 */
public final class ClusterBenchmark {

    private static final int CLIENTS = 16;
    /** ZooKeeper's sample zoo.cfg: sessions may then last 4–40 s. */
    private static final int TICK_MILLIS = 2000;

    private record CostRow(int instances, double ordersPerSecond, double p50, double p99, long failed, double hubCpu, double jit,
                           double hubCpuCaughtUp, double postgresCpu, double erpCommits, double clientCpu, String perHub) {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getProperty("bench.runs", "3"));
        Duration window = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "20")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.warmup-seconds", "90")));
        String heap = System.getProperty("bench.hub-heap", "-Xmx512m");
        String classpath = System.getProperty("bench.hub-classpath");
        List<Integer> counts = List.of(System.getProperty("bench.instances", "1,2,3").split(",")).stream()
                .map(String::trim).filter(count -> !count.isEmpty()).map(Integer::valueOf).toList();
        // Either left empty (-Dbench.instances=) leaves its part out.
        List<String> sessionTimeouts = List.of(System.getProperty("bench.session-timeouts", "10000").split(",")).stream()
                .map(String::trim).filter(timeout -> !timeout.isEmpty()).toList();
        // The shipped default, written out: the heartbeat and mode refresh every instance runs.
        List<String> settings = List.of("-Dhub.cluster.refresh-ms=2000");
        // The ZooKeeper server runs in this JVM; its sessions coming and going would bury the figures.
        Configurator.setLevel("org.apache.zookeeper", Level.WARN);
        Configurator.setLevel("org.apache.curator", Level.WARN);

        List<CostRow> costs = new ArrayList<>();
        Map<String, List<Failover.Result>> failovers = new LinkedHashMap<>();
        try (TestingServer zooKeeper = new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, TICK_MILLIS, -1), true);
             EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            System.out.printf("ZooKeeper %s (tick %d ms), hub heap %s%n", zooKeeper.getConnectString(), TICK_MILLIS, heap);
            for (int count : counts) {
                System.out.printf("%d hub(s)%n", count);
                costs.add(cost(postgres, zooKeeper.getConnectString(), count, heap, classpath, settings, warmUp, window));
            }
            for (String timeout : sessionTimeouts) {
                List<String> withTimeout = new ArrayList<>(settings);
                withTimeout.add("-Dhub.cluster.zookeeper.session-timeout-ms=" + timeout);
                for (int run = 1; run <= runs; run++) {
                    System.out.printf("failover, session timeout %s ms, run %d%n", timeout, run);
                    try (ClusterHubs cluster = ClusterHubs.start(postgres, zooKeeper.getConnectString(),
                            "failover_" + timeout + "_" + run, 3, heap, classpath, withTimeout)) {
                        Failover.Result result = Failover.run(cluster, new AtomicLong(), CLIENTS, Duration.ofSeconds(15),
                                Duration.ofSeconds(30));
                        System.out.printf("    %s%n    logs: %s%n", result, cluster.logs);
                        failovers.computeIfAbsent(timeout, k -> new ArrayList<>()).add(result);
                    }
                }
            }
        }
        System.out.println();
        System.out.println(costTable(costs, window, warmUp, heap));
        System.out.println(failoverTable(failovers, runs));
    }

    private static CostRow cost(EmbeddedPostgres postgres, String zooKeeper, int count, String heap, String classpath,
                                List<String> settings, Duration warmUp, Duration window) throws Exception {
        String prefix = "cost_" + count;
        try (ClusterHubs cluster = ClusterHubs.start(postgres, zooKeeper, prefix, count, heap, classpath, settings)) {
            HubProcess leader = cluster.awaitOneLeader(Duration.ofSeconds(30));
            HttpLoad load = new HttpLoad(cluster.orderUris(), new AtomicLong(), 201,
                    n -> HttpRequest.newBuilder().header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(HubBenchmark.webOrder("R" + n))));
            // Each hub as warm as RealTimeBenchmark's one: as many orders through each, so the warm-up grows with the hubs.
            load.closedLoop("warm-up", CLIENTS, warmUp.multipliedBy(count));
            if (RealTimeBenchmark.awaitCaughtUp(leader, cluster::cpu, false) == null) {
                throw new IllegalStateException("The back office did not catch up with the warm-up");
            }
            DatabaseCost database = new DatabaseCost(postgres, prefix + "_erp");
            DatabaseCost.Reading before = database.read();
            List<Duration> perHubBefore = cluster.hubs.stream().map(HubProcess::cpu).toList();
            Duration cpuBefore = cluster.cpu();
            Duration jitBefore = cluster.compilerCpu();
            Duration clientBefore = clientCpu();
            HttpLoad.Result result = load.closedLoop(count + " hub(s), " + CLIENTS + " clients", CLIENTS, window);
            long booked = result.requests() - result.failures();
            double hubCpu = millis(cluster.cpu().minus(cpuBefore)) / booked;
            double jit = millis(cluster.compilerCpu().minus(jitBefore)) / booked;
            double client = millis(clientCpu().minus(clientBefore)) / booked;
            RealTimeBenchmark.CaughtUp caughtUp = RealTimeBenchmark.awaitCaughtUp(leader, cluster::cpu, true);
            double hubCpuCaughtUp = caughtUp == null ? Double.POSITIVE_INFINITY : millis(caughtUp.cpu().minus(cpuBefore)) / booked;
            String perHub = perHub(cluster, leader, perHubBefore, booked);
            DatabaseCost.Reading spent = database.read().minus(before);
            double server = spent.cpuMillis() / booked;
            double commits = (double) spent.erpCommits() / booked;
            System.out.printf("  %-28s %6.0f orders/s  p50 %6.2f ms  p99 %7.2f ms  failed %d  hub CPU %.3f ms/order (JIT %.3f),"
                            + " %.3f with catch-up (%s)  PostgreSQL %.3f ms/order, %.3f ERP commits/order  load generator %.3f ms/order%n",
                    result.name(), result.throughput(), result.p50Millis(), result.p99Millis(), result.failures(), hubCpu, jit,
                    hubCpuCaughtUp, perHub, server, commits, client);
            return new CostRow(count, result.throughput(), result.p50Millis(), result.p99Millis(), result.failures(), hubCpu, jit,
                    hubCpuCaughtUp, server, commits, client, perHub);
        }
    }

    /** Each hub's share of the CPU per order, the leader marked: it alone runs the back office. */
    private static String perHub(ClusterHubs cluster, HubProcess leader, List<Duration> before, long booked) {
        List<String> shares = new ArrayList<>();
        for (int i = 0; i < cluster.hubs.size(); i++) {
            HubProcess hub = cluster.hubs.get(i);
            shares.add(String.format("%s%s %.3f", ClusterHubs.instance(i + 1), hub == leader ? " (leader)" : "",
                    millis(hub.cpu().minus(before.get(i))) / booked));
        }
        return String.join(", ", shares);
    }

    /** This JVM's CPU: the 16 clients (and the ZooKeeper server, idle but for heartbeats). */
    private static Duration clientCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow();
    }

    private static String costTable(List<CostRow> rows, Duration window, Duration warmUp, String heap) {
        StringBuilder out = new StringBuilder(String.format("Cost per order, %d clients round-robin, back office on, %d s window after"
                + " %d s warm-up per hub, hubs at %s%n%n", CLIENTS, window.toSeconds(), warmUp.toSeconds(), heap));
        out.append("| instances | orders/s | p50 ms | p99 ms | failed | hub CPU ms/order | of which JIT | hub CPU incl. catch-up"
                + " | PostgreSQL CPU ms/order | total ms/order | ERP commits/order | load generator ms/order |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CostRow row : rows) {
            out.append(String.format("| %d | %,.0f | %.2f | %.2f | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", row.instances(),
                    row.ordersPerSecond(), row.p50(), row.p99(), row.failed(), row.hubCpu(), row.jit(), row.hubCpuCaughtUp(),
                    row.postgresCpu(), row.hubCpuCaughtUp() + row.postgresCpu(), row.erpCommits(), row.clientCpu()));
        }
        out.append("\nPer hub, ms per order of all orders (to the end of the catch-up wait):\n");
        rows.forEach(row -> out.append(String.format("  %d: %s%n", row.instances(), row.perHub())));
        return out.toString();
    }

    private static String failoverTable(Map<String, List<Failover.Result>> failovers, int runs) {
        StringBuilder out = new StringBuilder(String.format("Failover, 3 hubs, leader killed with -9 under %d clients, %d run(s)%n%n",
                CLIENTS, runs));
        out.append("| session timeout ms | new leader after, s (median) | inbox file booked after, s (median) | runs: leader, file"
                + " | booked twice | invoiced twice | quarantined | failure records | ERROR lines | web orders answered 201 + the file vs ERP orders | not 201 |\n");
        out.append("|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---|\n");
        failovers.forEach((timeout, results) -> out.append(String.format("| %s | %.2f | %.2f | %s | %d | %d | %d | %s | %d | %s | %s |%n",
                timeout, RealTimeBenchmark.median(results, Failover.Result::takeoverSeconds),
                RealTimeBenchmark.median(results, Failover.Result::fileBookedSeconds),
                results.stream().map(r -> String.format("%.2f, %.2f", r.takeoverSeconds(), r.fileBookedSeconds()))
                        .collect(Collectors.joining("; ")),
                results.stream().mapToLong(Failover.Result::bookedTwice).sum(),
                results.stream().mapToLong(Failover.Result::invoicedTwice).sum(),
                results.stream().mapToLong(Failover.Result::quarantined).sum(),
                results.stream().map(Failover.Result::failures).collect(Collectors.joining(" ")),
                results.stream().mapToInt(r -> r.errors().size()).sum(),
                results.stream().map(r -> String.format("%d + 1 vs %d", r.answered201(), r.orders())).collect(Collectors.joining("; ")),
                results.stream().map(r -> r.notAnswered201().toString()).collect(Collectors.joining("; ")))));
        failovers.values().stream().flatMap(List::stream).filter(r -> !r.clean())
                .forEach(r -> out.append("\nNot clean: ").append(r).append('\n'));
        return out.toString();
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
