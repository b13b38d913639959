package org.backofficehub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged hub started as its own JVM, either with the benchmark baselines for the load
 * benchmarks or exactly as README's run command starts it, for start-up.
 */
final class HubProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench";
    static final String WEBSTORE_PASSWORD = "bench-webstore";

    /** What {@code mvn package} builds and README's run command starts. */
    static final Path PACKAGED_JAR = Path.of("target", "backoffice-hub.jar");

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

    /**
     * The hub the load benchmarks drive: the packaged jar plus, from {@code classpath}, the
     * baseline routes' processor and the stock for hundreds of thousands of orders; a short inbox
     * read-lock age, a known admin password, WARN logging and any {@code bench.hub-args}. Its log
     * goes to {@code hub.log} in the data directory.
     */
    static HubProcess start(Path dataDir, String classpath) throws Exception {
        // Extra hub settings for a comparison run, e.g. -Dbench.hub-args="-Dhub.store.url=..."
        String extra = System.getProperty("bench.hub-args", "").trim();
        return start(dataDir, classpath, "-Xmx1g", extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")),
                dataDir.resolve("hub.log"));
    }

    /**
     * The same hub with this heap, these extra settings (as -D) and its log to {@code log}: for
     * several hubs on one data directory, each with a log and instance name of its own.
     */
    static HubProcess start(Path dataDir, String classpath, String heap, List<String> settings, Path log) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                java(),
                heap,
                "-cp", classpath,
                "-Dhub.data-dir=" + dataDir,
                "-Dcamel.server.port=" + port,
                "-Dhub.inbox.min-age-ms=100",
                "-Dhub.admin.password=" + ADMIN_PASSWORD,
                "-Dhub.security.webstore-password=" + WEBSTORE_PASSWORD,
                "-Dlog4j2.level=WARN",
                "-Dcamel.main.routesIncludePattern=file:routes/*.camel.yaml,file:bench/routes/*.camel.yaml",
                "-Dhub.erp.migrations=classpath:db/erp,classpath:db/erp-bench"));
        command.addAll(settings);
        command.add("org.backofficehub.Hub");
        return launch(new ProcessBuilder(command), port, dataDir, log);
    }

    /**
     * README's run command, {@code java -jar target/backoffice-hub.jar}, with nothing added: the
     * data directory and a free port come through the environment variables README documents
     * (HUB_DATA_DIR, CAMEL_SERVER_PORT), so the command line is README's own. The log goes to
     * {@code log}, outside the data directory, so a first start finds that directory empty.
     */
    static HubProcess startAsReadme(Path dataDir, Path log) throws Exception {
        if (!Files.isRegularFile(PACKAGED_JAR)) {
            throw new IllegalStateException(PACKAGED_JAR + " is missing: build it with mvn package");
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", PACKAGED_JAR.toString());
        builder.environment().put("HUB_DATA_DIR", dataDir.toString());
        builder.environment().put("CAMEL_SERVER_PORT", String.valueOf(port));
        return launch(builder, port, dataDir, log);
    }

    /** Starts the process and times it until {@code GET /observe/health} answers 200. */
    private static HubProcess launch(ProcessBuilder builder, int port, Path dataDir, Path log) throws Exception {
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
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
        // The caller deletes the data directory, and often the log with it: what went wrong goes with the exception.
        List<String> lines = Files.readAllLines(log);
        throw new IllegalStateException((exited ? "Hub exited with " + process.exitValue() : "Hub not healthy within 60 s")
                + "; the end of its log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }

    /** CPU time the hub process has used so far, all threads. */
    java.time.Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElseThrow();
    }

    /**
     * CPU the JIT compiler threads have used so far (part of {@link #cpu()}), from /proc: a hub is
     * still compiling minutes into a load, and how much of a figure that is says how warm it was.
     * Zero where /proc is missing.
     */
    java.time.Duration compilerCpu() {
        long ticks = 0;
        try (var tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // a compiler thread that ended while being read
                }
            }
        } catch (IOException noProc) {
            return java.time.Duration.ZERO;
        }
        return java.time.Duration.ofMillis(ticks * 10); // clock ticks of 10 ms
    }

    /** {@code kill -9}: the process gets no chance to leave the cluster or finish anything. */
    void kill9() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
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

    /** The JVM running the benchmark, which is the {@code java} bench/run finds on the PATH. */
    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
