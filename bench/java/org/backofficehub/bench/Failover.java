package org.backofficehub.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One {@code kill -9} of the leader of running hubs under web-order load: how long until another
 * says it leads, how long until an order file dropped into the shared inbox at that moment is
 * booked (in done/, and in the ERP), and afterwards whether anything was booked or invoiced twice,
 * quarantined or recorded as a failure on any hub.
 */
final class Failover {

    /** Sample dropped at the kill: an XML order, PO-77001. */
    private static final Path SAMPLE = Path.of("edi-samples", "xml", "order.xml");
    private static final String SAMPLE_ORDER = "PO-77001";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration LIMIT = Duration.ofSeconds(120);

    record Result(String killed, String newLeader, double takeoverSeconds, double fileBookedSeconds, long orders, long answered201,
                  java.util.Map<String, Long> notAnswered201,
                  long bookedTwice, long invoicedTwice, long fileBookings, long quarantined, String failures, List<String> errors) {
        boolean clean() {
            return bookedTwice == 0 && invoicedTwice == 0 && fileBookings == 1 && quarantined == 0 && failures.equals("[]")
                    && errors.isEmpty();
        }
    }

    /**
     * Load from 16 clients over every hub for {@code loadBefore}, then the kill, the file, and the
     * load going on until both are seen (it keeps to the survivors: a request finding its hub
     * gone goes to the next); then waits for the back office to catch up before checking.
     */
    static Result run(ClusterHubs cluster, AtomicLong sequence, int clients, Duration loadBefore, Duration loadAfter) throws Exception {
        HttpLoad load = new HttpLoad(cluster.orderUris(), sequence, 201,
                n -> HttpRequest.newBuilder().header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(HubBenchmark.webOrder("F" + n))));
        AtomicReference<HttpLoad.Result> loaded = new AtomicReference<>();
        AtomicReference<Exception> loadFailed = new AtomicReference<>();
        Thread clientsThread = new Thread(() -> {
            try {
                loaded.set(load.closedLoop("failover load", clients, loadBefore.plus(loadAfter)));
            } catch (Exception e) {
                loadFailed.set(e);
            }
        }, "failover-load");
        clientsThread.start();
        Thread.sleep(loadBefore.toMillis());

        HubProcess leader = cluster.awaitOneLeader(Duration.ofSeconds(30));
        List<HubProcess> survivors = new ArrayList<>(cluster.hubs);
        survivors.remove(leader);
        leader.kill9();
        long killed = System.nanoTime();
        String fileName = "failover-" + killed + ".xml";
        drop(cluster.dataDir, fileName);

        double takeover = Double.NaN;
        double booked = Double.NaN;
        HubProcess newLeader = null;
        while ((newLeader == null || Double.isNaN(booked)) && System.nanoTime() - killed < LIMIT.toNanos()) {
            if (newLeader == null) {
                for (HubProcess survivor : survivors) {
                    if (ClusterHubs.leadsItself(survivor)) {
                        newLeader = survivor;
                        takeover = (System.nanoTime() - killed) / 1e9;
                    }
                }
            }
            if (Double.isNaN(booked) && archived(cluster.dataDir.resolve("done"), fileName)) {
                booked = (System.nanoTime() - killed) / 1e9;
            }
            Thread.sleep(POLL.toMillis());
        }
        clientsThread.join();
        if (loadFailed.get() != null) {
            throw loadFailed.get();
        }
        HubProcess checker = survivors.get(0);
        if (RealTimeBenchmark.awaitCaughtUp(checker, cluster::cpu, false) == null) {
            System.out.println("    the back office did not catch up after the failover");
        }
        return new Result(cluster.instanceOf(leader), newLeader == null ? "none" : cluster.instanceOf(newLeader), takeover, booked,
                cluster.erp("SELECT COUNT(*) FROM ORDHDR"), loaded.get().requests() - loaded.get().failures(), load.unexpected(),
                cluster.erp("SELECT COUNT(*) - COUNT(DISTINCT OHCREF) FROM ORDHDR"),
                cluster.hubStore("SELECT COUNT(*) - COUNT(DISTINCT order_id) FROM invoice"),
                cluster.erp("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = '" + SAMPLE_ORDER + "'"),
                count(cluster.dataDir.resolve("error")),
                ClusterHubs.admin(checker, "/admin/failures?state=all").trim(),
                cluster.errorLines());
    }

    private static void drop(Path dataDir, String name) throws IOException {
        Path inbox = Files.createDirectories(dataDir.resolve("inbox"));
        Path temp = inbox.resolve(name + ".part");
        Files.copy(SAMPLE, temp);
        Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Archived as {@code <stamp>_<name>} (ArchiveNaming). */
    private static boolean archived(Path done, String name) throws IOException {
        if (!Files.isDirectory(done)) {
            return false;
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith("_" + name));
        }
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
