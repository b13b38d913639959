package org.backofficehub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.backofficehub.support.RawHttp;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The security headers on the real daemon's answers: a route's JSON, a route's problem (401),
 * the server's own refusals (404, 431, a 408 written below Vert.x), health, and the admin
 * console's page with a policy that lets exactly the hub's own script and style files run.
 */
class SecurityHeadersTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static RunningHub hub;

    @BeforeAll
    static void start() {
        hub = RunningHub.start(Map.of("hub.http.header-timeout-ms", "800"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void anApiAnswerIsNotToBeSniffedFramedReferredOrCached() {
        HttpResponse<String> booked = hub.postJson("/api/orders",
                TestOrders.webOrderJson("HDR-1", "SKU-1001", 1).getBytes(StandardCharsets.UTF_8));

        assertThat(booked.statusCode()).isEqualTo(201);
        assertCommonHeaders(name -> booked.headers().firstValue(name).orElse(null));
        assertThat(booked.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(booked.headers().firstValue("Content-Security-Policy")).contains(DATA_POLICY);
        assertThat(booked.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
    }

    @Test
    void anAdminProblemCarriesTheHeaders() {
        HttpResponse<String> refused = hub.adminAs(null, null, "GET", "/admin/routes", null);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertCommonHeaders(name -> refused.headers().firstValue(name).orElse(null));
        assertThat(refused.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(refused.headers().firstValue("Content-Security-Policy")).contains(DATA_POLICY);
    }

    @Test
    void healthCarriesTheHeaders() {
        HttpResponse<String> health = hub.get("/observe/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertCommonHeaders(name -> health.headers().firstValue(name).orElse(null));
        assertThat(health.headers().firstValue("Content-Security-Policy")).contains(DATA_POLICY);
    }

    @Test
    void theServersOwn404CarriesTheHeaders() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            RawHttp.Response missing = connection.send("GET /no/such/thing HTTP/1.1\r\nHost: hub\r\n\r\n").read(PATIENCE);

            assertThat(missing.status()).isEqualTo(404);
            assertCommonHeaders(missing::header);
            assertThat(missing.header("cache-control")).isEqualTo("no-store");
            assertThat(missing.header("content-security-policy")).isEqualTo(DATA_POLICY);
        }
    }

    @Test
    void aRequestWithoutHostRefusedBeforeAnyHandlerCarriesTheHeaders() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            RawHttp.Response refused = connection.send("GET /observe/health HTTP/1.1\r\n\r\n").read(PATIENCE);

            assertThat(refused.status()).isEqualTo(400);
            assertCommonHeaders(refused::header);
        }
    }

    @Test
    void aPathThatCannotBeDecodedIsRefusedWithTheHeaders() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            RawHttp.Response refused = connection.send("GET /api/orders/%zz HTTP/1.1\r\nHost: hub\r\n\r\n").read(PATIENCE);

            assertThat(refused.status()).isEqualTo(400);
            assertCommonHeaders(refused::header);
            assertThat(refused.header("cache-control")).isEqualTo("no-store");
        }
    }

    @Test
    void headersTooLargeRefusedByTheServerCarryTheHeaders() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            RawHttp.Response refused = connection.send("GET /api/orders HTTP/1.1\r\nHost: hub\r\nX-Big: " + "a".repeat(9000)
                    + "\r\n\r\n").read(PATIENCE);

            assertThat(refused.status()).isEqualTo(431);
            assertCommonHeaders(refused::header);
            assertThat(refused.header("cache-control")).isEqualTo("no-store");
            assertThat(refused.header("content-security-policy")).isEqualTo(DATA_POLICY);
        }
    }

    @Test
    void aHeadCutOffBelowVertxCarriesTheHeaders() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            connection.send("GET /api/orders HTTP/1.1\r\nHost: hub\r\n");

            assertThat(connection.closedWithin(PATIENCE)).isTrue();
            String answer = connection.drained();
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(answer).contains("X-Content-Type-Options: nosniff\r\n", "X-Frame-Options: DENY\r\n",
                    "Referrer-Policy: no-referrer\r\n", "Cache-Control: no-store\r\n", "Content-Security-Policy: " + DATA_POLICY + "\r\n");
        }
    }

    @Test
    void theConsolePageMayRunTheHubsOwnScriptAndStyleFilesOnly() throws Exception {
        HttpResponse<String> console = hub.admin("GET", "/admin/", null);

        assertThat(console.statusCode()).isEqualTo(200);
        assertCommonHeaders(name -> console.headers().firstValue(name).orElse(null));
        assertThat(console.headers().firstValue("Cache-Control")).contains("no-store");
        String policy = console.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).isEqualTo("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:;"
                + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        assertThat(console.headers().allValues("Content-Security-Policy")).hasSize(1);
        assertThat(console.body()).doesNotContainPattern("<[a-z][^>]*\\son[a-z]+\\s*=").doesNotContain("<script>", "<style>");
        for (String asset : new String[] {"console.js", "console.css", "uPlot.iife.min.js", "uPlot.min.css"}) {
            assertThat(console.body()).contains("/admin/assets/" + asset);
            HttpResponse<String> served = hub.admin("GET", "/admin/assets/" + asset, null);
            assertThat(served.statusCode()).as(asset).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).as(asset).hasValueSatisfying(type ->
                    assertThat(type).startsWith(asset.endsWith(".js") ? "text/javascript" : "text/css"));
            assertCommonHeaders(name -> served.headers().firstValue(name).orElse(null));
        }
        assertThat(hub.admin("GET", "/admin/assets/..%2Fconsole.html", null).statusCode()).isEqualTo(404);
        assertThat(hub.anonymousGet("/admin/assets/console.js").statusCode()).isEqualTo(401);
    }

    private static void assertCommonHeaders(Function<String, String> header) {
        assertThat(header.apply("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header.apply("X-Frame-Options")).isEqualTo("DENY");
        assertThat(header.apply("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
