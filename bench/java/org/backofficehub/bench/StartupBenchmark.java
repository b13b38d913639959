package org.backofficehub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up to healthy (run by {@code bench/run startup}): README's run command, {@code java -jar
 * target/backoffice-hub.jar}, without the load benchmarks' extras (no baseline routes, heap limit
 * or logging settings), given only a data directory and a free port. Each run starts it on an
 * empty data directory, stops it, and starts it again on the directory it left: the first start
 * creates the databases, the restart is a daemon's everyday start. Prints medians of
 * {@code bench.runs} (default 5).
 */
public final class StartupBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getProperty("bench.runs", "5"));
        List<Long> firstStarts = new ArrayList<>();
        List<Long> restarts = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            // The logs beside the data directory, not in it, so that the first start finds it empty.
            Path work = Files.createTempDirectory("hub-startup-bench-");
            Path dataDir = Files.createDirectory(work.resolve("data"));
            try {
                try (HubProcess hub = HubProcess.startAsReadme(dataDir, work.resolve("first-start.log"))) {
                    firstStarts.add(hub.startupMillis);
                }
                try (HubProcess hub = HubProcess.startAsReadme(dataDir, work.resolve("restart.log"))) {
                    restarts.add(hub.startupMillis);
                }
                System.out.printf("run %d: first start healthy after %d ms, restart after %d ms%n", run,
                        firstStarts.get(run - 1), restarts.get(run - 1));
            } finally {
                HubProcess.delete(work);
            }
        }
        System.out.println();
        System.out.printf("Start-up to healthy (GET /observe/health = 200) of README's run command, java -jar %s,%n"
                + "given HUB_DATA_DIR and CAMEL_SERVER_PORT only; medians of %d runs%n%n", HubProcess.PACKAGED_JAR, runs);
        System.out.printf("first start, empty data directory: %d ms (runs: %s)%n", median(firstStarts), firstStarts);
        System.out.printf("restart on the data directory it left: %d ms (runs: %s)%n", median(restarts), restarts);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
