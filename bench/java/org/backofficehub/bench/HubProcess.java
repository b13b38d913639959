package org.backofficehub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged hub started as its own JVM, as operators run it, plus the benchmark baselines. */
final class HubProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench";

    private final Process process;
    final int port;
    final Path dataDir;
    final long startupMillis;

    private HubProcess(Process process, int port, Path dataDir, long startupMillis) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.startupMillis = startupMillis;
    }

    /** The class-data-sharing archive the build records (pom.xml), named in the JVM options. */
    static final Path CLASS_DATA_ARCHIVE = Path.of("target", "hub.jsa");

    /** The JVM options README's run command passes ({@code java @config/jvm.options ...}). */
    static final Path JVM_OPTIONS = Path.of("config", "jvm.options");

    static HubProcess start(Path dataDir, String classpath) throws Exception {
        return start(dataDir, classpath, true, true);
    }

    /**
     * {@code withBenchmarkRoutes} false: the hub as shipped, as README's run command starts it (for
     * start-up); true: plus the baseline routes and stock for hundreds of thousands of orders.
     */
    static HubProcess start(Path dataDir, String classpath, boolean classDataArchive, boolean withBenchmarkRoutes) throws Exception {
        return start(dataDir, classpath, classDataArchive, withBenchmarkRoutes, List.of());
    }

    /** {@code jvmOptions}: after those of {@link #JVM_OPTIONS}, so that they override them. */
    static HubProcess start(Path dataDir, String classpath, boolean classDataArchive, boolean withBenchmarkRoutes,
                            List<String> jvmOptions) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp", classpath,
                "-Dhub.data-dir=" + dataDir,
                "-Dcamel.server.port=" + port,
                "-Dhub.inbox.min-age-ms=100",
                "-Dhub.admin.password=" + ADMIN_PASSWORD,
                "-Dlog4j2.level=WARN",
                "org.backofficehub.Hub"));
        if (withBenchmarkRoutes) {
            command.addAll(command.size() - 1, List.of(
                    "-Dcamel.main.routesIncludePattern=file:routes/*.camel.yaml,file:bench/routes/*.camel.yaml",
                    "-Dhub.erp.migrations=classpath:db/erp,classpath:db/erp-bench"));
        }
        if (classDataArchive && !Files.isRegularFile(CLASS_DATA_ARCHIVE)) {
            throw new IllegalStateException(CLASS_DATA_ARCHIVE + " is missing: build with mvn package");
        }
        command.addAll(1, jvmOptions);
        command.addAll(1, jvmOptions(classDataArchive));
        // Extra hub settings for a comparison run, e.g. -Dbench.hub-args="-Dhub.store.url=..."
        String extra = System.getProperty("bench.hub-args", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(command.size() - 1, List.of(extra.split("\\s+")));
        }
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://localhost:" + port + "/observe/health");
        // The client's own first request loads and links its classes; on two cores that would be
        // counted against the hub's start-up if it happened while the hub starts.
        try {
            http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException nothingListensYet) {
            // as expected
        }
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("hub.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new HubProcess(process, port, dataDir, (System.nanoTime() - started) / 1_000_000);
                }
            } catch (IOException notYetListening) {
                // keep polling
            }
            Thread.sleep(10);
        }
        boolean exited = !process.isAlive();
        process.destroyForcibly();
        // The caller deletes the data directory, log included: what went wrong goes with the exception.
        List<String> log = Files.readAllLines(dataDir.resolve("hub.log"));
        throw new IllegalStateException((exited ? "Hub exited with " + process.exitValue() : "Hub not healthy within 60 s")
                + "; the end of its log:\n" + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())));
    }

    /** CPU time the hub process has used so far, all threads. */
    java.time.Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElseThrow();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** A run's data directory: 100,000 orders leave gigabytes (H2 files, an invoice document each). */
    static void delete(Path dataDir) throws IOException {
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The options of {@link #JVM_OPTIONS}, without the class-data archive when it is not wanted. */
    private static List<String> jvmOptions(boolean classDataArchive) throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(JVM_OPTIONS)) {
            String option = line.strip();
            boolean archive = option.startsWith("-XX:SharedArchiveFile=");
            if (!option.isEmpty() && !option.startsWith("#") && (classDataArchive || !archive)) {
                options.add(option);
            }
        }
        return options;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
