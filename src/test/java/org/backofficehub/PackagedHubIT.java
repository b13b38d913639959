package org.backofficehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.backofficehub.support.RunningHub;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The packaged daemon as an operator runs it: {@code java -jar target/backoffice-hub.jar} from the
 * repository root, configured by environment variables and -D, stopped with SIGTERM.
 */
class PackagedHubIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void jarStartsFromTheRepositoryRootHonouringEnvironmentAndSystemPropertyOverrides() throws Exception {
        // Not there yet: the hub creates it, readable by its own user only.
        Path dataDir = Files.createTempDirectory("hub-packaged-").resolve("data");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhub.inbox.poll-delay-ms=200", "-jar", "target/backoffice-hub.jar")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling("hub.log").toFile());
        builder.environment().put("HUB_DATA_DIR", dataDir.toString());
        builder.environment().put("CAMEL_SERVER_PORT", Integer.toString(port));
        Process hub = builder.start();
        try {
            Awaitility.await("packaged hub healthy").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> get(port, "/observe/health").statusCode() == 200);

            assertThat(Files.getPosixFilePermissions(dataDir)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
            // Nothing configured: the web store's client has a generated password, readable by the hub's user only.
            Path webstorePassword = dataDir.resolve("webstore-password");
            assertThat(Files.getPosixFilePermissions(webstorePassword)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            HttpRequest.Builder order = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("edi-samples/webstore/order.json")));
            assertThat(http.send(order.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("without credentials").isEqualTo(401);
            HttpResponse<String> created = http.send(order.header("Authorization",
                    RunningHub.basic("webstore", Files.readString(webstorePassword).trim())).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(dataDir.resolve("db/erp.mv.db")).as("ERP database under HUB_DATA_DIR").exists();
            assertThat(dataDir.resolve("inbox")).as("inbox created under HUB_DATA_DIR").isDirectory();
            assertThat(Files.readString(dataDir.resolveSibling("hub.log"))).contains("hub.inbox.poll-delay-ms = 200");
        } finally {
            hub.destroy();
            assertThat(hub.waitFor(30, TimeUnit.SECONDS)).as("graceful stop on SIGTERM").isTrue();
        }
        assertThat(Files.readString(dataDir.resolveSibling("hub.log"))).contains("shutdown");
    }

    /** Issue 22: the shaded jar has log4j2's JSON Template Layout (its plugin cache merged with log4j-core's). */
    @Test
    void jarLogsJsonLinesWhenAskedTo() throws Exception {
        Path dataDir = Files.createTempDirectory("hub-packaged-json-");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/backoffice-hub.jar")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("hub.log").toFile());
        builder.environment().put("HUB_DATA_DIR", dataDir.toString());
        builder.environment().put("CAMEL_SERVER_PORT", Integer.toString(port));
        builder.environment().put("HUB_LOG_FORMAT", "json");
        Process hub = builder.start();
        try {
            Awaitility.await("packaged hub healthy").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> get(port, "/observe/health").statusCode() == 200);
        } finally {
            hub.destroy();
            assertThat(hub.waitFor(30, TimeUnit.SECONDS)).as("graceful stop on SIGTERM").isTrue();
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var lines = Files.readAllLines(dataDir.resolve("hub.log"));
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(json.readTree(line).path("log.level").asText()).isNotBlank());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
