package org.backofficehub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    static HubProcess start(Path dataDir, String classpath) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp", classpath,
                "-Dhub.data-dir=" + dataDir,
                "-Dcamel.server.port=" + port,
                "-Dcamel.main.routesIncludePattern=file:routes/*.camel.yaml,file:bench/routes/*.camel.yaml",
                "-Dhub.erp.migrations=classpath:db/erp,classpath:db/erp-bench",
                "-Dhub.inbox.min-age-ms=100",
                "-Dhub.admin.password=" + ADMIN_PASSWORD,
                "-Dlog4j2.level=WARN",
                "org.backofficehub.Hub"));
        // Extra hub settings for a comparison run, e.g. -Dbench.hub-args="-Dhub.store.url=..."
        String extra = System.getProperty("bench.hub-args", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(command.size() - 1, List.of(extra.split("\\s+")));
        }
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("hub.log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://localhost:" + port + "/observe/health");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new HubProcess(process, port, dataDir, (System.nanoTime() - started) / 1_000_000);
                }
            } catch (IOException notYetListening) {
                // keep polling
            }
            Thread.sleep(10);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Hub not healthy within 60 s; see " + dataDir.resolve("hub.log"));
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
