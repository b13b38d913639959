package org.backofficehub.support;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** The packaged daemon ({@code java -jar target/backoffice-hub.jar}) as its own process, for tests that kill it. */
public final class HubProcessFixture {

    private final Path dataDir;
    private final Map<String, String> environment;
    private final List<String> systemProperties;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;
    private int port;

    public HubProcessFixture(Path dataDir, Map<String, String> environment, List<String> systemProperties) {
        this.dataDir = dataDir;
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    public void start() throws IOException {
        port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", "target/backoffice-hub.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("hub.log").toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("HUB_DATA_DIR", dataDir.toString());
        builder.environment().put("CAMEL_SERVER_PORT", Integer.toString(port));
        process = builder.start();
        Awaitility.await("hub process healthy").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> get("/observe/health").statusCode() == 200);
    }

    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    public HttpClient http() {
        return http;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
