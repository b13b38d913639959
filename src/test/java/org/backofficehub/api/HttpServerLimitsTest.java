package org.backofficehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.backofficehub.support.RawHttp;
import org.backofficehub.support.RunningHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded HTTP server's limits on the real daemon, spoken to over raw sockets: connections
 * that idle or trickle are closed, a request framed two ways is refused, h2c is not offered, and
 * every refusal the server makes itself (no route, wrong method, too large) is an RFC 7807 problem.
 */
class HttpServerLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMillis(800);
    private static final Duration PATIENCE = Duration.ofSeconds(4);
    private static RunningHub hub;

    @BeforeAll
    static void start() {
        hub = RunningHub.start(Map.of(
                "hub.http.idle-timeout-ms", Long.toString(TIMEOUT.toMillis()),
                "hub.http.header-timeout-ms", Long.toString(TIMEOUT.toMillis()),
                "hub.http.body-timeout-ms", Long.toString(TIMEOUT.toMillis())));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            assertThat(connection.closedWithin(PATIENCE)).isTrue();
        }
    }

    @Test
    void aKeptAliveConnectionIsClosedOnceIdle() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            RawHttp.Response health = connection.send("GET /observe/health HTTP/1.1\r\nHost: hub\r\n\r\n").read(PATIENCE);

            assertThat(health.status()).isEqualTo(200);
            assertThat(connection.closedWithin(PATIENCE)).isTrue();
        }
    }

    @Test
    void aHeadTrickledInIsCutOffWith408() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            connection.send("GET /observe/health HTTP/1.1\r\nHost: hub\r\n");

            // One byte every 100 ms keeps any idle timer happy; only a deadline for the whole head ends it.
            boolean closed = connection.trickleUntilClosed("X-Slow: ".repeat(20).getBytes(StandardCharsets.US_ASCII), Duration.ofMillis(100));

            assertThat(closed).isTrue();
            assertThat(connection.drained()).startsWith("HTTP/1.1 408").contains("application/problem+json")
                    .contains("urn:backoffice-hub:problem:request-timeout");
        }
    }

    @Test
    void aBodyTrickledInIsCutOffWith408() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            connection.send("POST /api/orders HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{");

            boolean closed = connection.trickleUntilClosed("\"a\":1,".repeat(60).getBytes(StandardCharsets.US_ASCII), Duration.ofMillis(100));

            assertThat(closed).isTrue();
            assertThat(connection.drained()).startsWith("HTTP/1.1 408").contains("urn:backoffice-hub:problem:request-timeout");
        }
    }

    @Test
    void contentLengthWithTransferEncodingIsRefusedAndTheConnectionClosed() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            // A front proxy that frames by Content-Length would see one request here, this server two.
            connection.send("POST /api/orders HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 44\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "0\r\n\r\nGET /admin/failures HTTP/1.1\r\nHost: hub\r\n\r\n");

            RawHttp.Response refused = connection.read(PATIENCE);

            assertThat(refused.status()).isEqualTo(400);
            assertProblem(refused, "invalid-request");
            assertThat(refused.header("connection")).isEqualToIgnoringCase("close");
            assertThat(connection.closedWithin(PATIENCE)).isTrue();
            assertThat(connection.drained()).isEmpty();
        }
    }

    @Test
    void anH2cUpgradeIsAnsweredAsHttp11() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            RawHttp.Response health = connection.send("GET /observe/health HTTP/1.1\r\nHost: hub\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                    + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n").read(PATIENCE);

            assertThat(health.status()).isEqualTo(200);
        }
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            RawHttp.Response response = connection.send("GET /no/such/thing HTTP/1.1\r\nHost: hub\r\n\r\n").read(PATIENCE);

            assertThat(response.status()).isEqualTo(404);
            assertProblem(response, "not-found");
        }
    }

    @Test
    void aWrongMethodIsA405Problem() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            RawHttp.Response response = connection.send("DELETE /api/orders HTTP/1.1\r\nHost: hub\r\n\r\n").read(PATIENCE);

            assertThat(response.status()).isEqualTo(405);
            assertProblem(response, "method-not-allowed");
        }
    }

    @Test
    void aBodyOverTheServersLimitIsA413Problem() throws Exception {
        byte[] body = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            connection.send("POST /api/orders HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n");
            try {
                connection.send(body);
            } catch (java.net.SocketException refusedEarly) {
                // the server may answer and close before it has read everything
            }

            RawHttp.Response response = connection.read(PATIENCE);

            assertThat(response.status()).isEqualTo(413);
            assertProblem(response, "input-too-large");
        }
    }

    @Test
    void aHeadOverTheLimitIsA431Problem() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            RawHttp.Response response = connection.send("GET /observe/health HTTP/1.1\r\nHost: hub\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n")
                    .read(PATIENCE);

            assertThat(response.status()).isEqualTo(431);
            assertProblem(response, "headers-too-large");
        }
    }

    @Test
    void aRequestLineOverTheLimitIsA414Problem() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            RawHttp.Response response = connection.send("GET /api/orders?orderId=" + "1".repeat(10_000) + " HTTP/1.1\r\nHost: hub\r\n\r\n")
                    .read(PATIENCE);

            assertThat(response.status()).isEqualTo(414);
            assertProblem(response, "uri-too-long");
        }
    }

    @Test
    void garbageIsA400Problem() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            RawHttp.Response response = connection.send("HELLO THERE\r\n\r\n").read(PATIENCE);

            assertThat(response.status()).isEqualTo(400);
            assertProblem(response, "invalid-request");
        }
    }

    private static void assertProblem(RawHttp.Response response, String slug) throws Exception {
        assertThat(response.header("content-type")).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:backoffice-hub:problem:" + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(response.status());
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }
}
