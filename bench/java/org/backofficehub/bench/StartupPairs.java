package org.backofficehub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether some JVM options make the hub start faster, told apart from this machine's drift: its
 * start-up times wander by a fifth within the hour, more than most changes worth making. Each run
 * starts the hub as shipped and with the candidate options back to back, on fresh data
 * directories, the order alternating; what counts is the median of the per-pair differences, in
 * time to healthy and in CPU used by then ({@code bench/run -Dbench.startup-candidate="..."}).
 * With {@code -Dbench.startup-restarts=true} both restart on one data directory that a first
 * start has left, as a daemon usually starts.
 */
final class StartupPairs {

    private StartupPairs() {
    }

    static void compare(int runs, String classpath, List<String> candidate, boolean restarts) throws Exception {
        Path restartedDataDir = null;
        if (restarts) {
            restartedDataDir = Files.createTempDirectory("hub-bench-");
            HubProcess.start(restartedDataDir, classpath, true, false).close();
        }
        try {
            compare(runs, classpath, candidate, restartedDataDir);
        } finally {
            if (restartedDataDir != null) {
                HubProcess.delete(restartedDataDir);
            }
        }
    }

    private static void compare(int runs, String classpath, List<String> candidate, Path restartedDataDir) throws Exception {
        List<Long> wallDifferences = new ArrayList<>();
        List<Long> cpuDifferences = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            boolean candidateFirst = run % 2 == 0;
            Start first = start(classpath, candidateFirst ? candidate : List.of(), restartedDataDir);
            Start second = start(classpath, candidateFirst ? List.of() : candidate, restartedDataDir);
            Start shipped = candidateFirst ? second : first;
            Start tried = candidateFirst ? first : second;
            wallDifferences.add(tried.wallMillis() - shipped.wallMillis());
            cpuDifferences.add(tried.cpuMillis() - shipped.cpuMillis());
            System.out.printf("run %d: as shipped %d ms (CPU %d ms), with %s %d ms (CPU %d ms)%n", run, shipped.wallMillis(),
                    shipped.cpuMillis(), candidate, tried.wallMillis(), tried.cpuMillis());
        }
        System.out.printf("median difference over %d pairs, candidate minus shipped: %d ms to healthy, %d ms of CPU%n"
                + "  (per pair, to healthy: %s)%n", runs, median(wallDifferences), median(cpuDifferences), wallDifferences);
    }

    /** On a fresh data directory, or restarted on the one given. */
    private static Start start(String classpath, List<String> jvmOptions, Path restartedDataDir) throws Exception {
        Path dataDir = restartedDataDir != null ? restartedDataDir : Files.createTempDirectory("hub-bench-");
        try (HubProcess hub = HubProcess.start(dataDir, classpath, true, false, jvmOptions)) {
            return new Start(hub.startupMillis, hub.cpu().toMillis());
        } finally {
            if (restartedDataDir == null) {
                HubProcess.delete(dataDir);
            }
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private record Start(long wallMillis, long cpuMillis) {
    }
}
