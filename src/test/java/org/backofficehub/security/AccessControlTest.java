package org.backofficehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.backofficehub.support.RawHttp;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, over real HTTP against the daemon: nothing personal without credentials,
 * each role its own part, users added and removed without a restart, password guessing throttled,
 * and no state change from another origin or in a form's body.
 */
class AccessControlTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PasswordHashes HASHES = new PasswordHashes(4); // the lowest cost: the test is about who, not bcrypt's speed
    private static final String CARLA = "carla-reports-2026";
    private static final String OTTO = "otto-operates-2026";
    private static final String TRUSTED_ORIGIN = "https://backoffice.example.com";

    private static Path usersFile;
    private static RunningHub hub;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        usersFile = Files.createTempDirectory("hub-users-").resolve("users.properties");
        UsersFile users = new UsersFile(usersFile);
        users.put(new UsersFile.Entry("carla", Set.of(Role.REPORTING), HASHES.hash(CARLA)));
        users.put(new UsersFile.Entry("otto", Set.of(Role.OPERATOR), HASHES.hash(OTTO)));
        hub = RunningHub.start(Map.of("hub.security.users-file", usersFile.toString(),
                "hub.security.sign-in.max-failures", "3", "hub.security.sign-in.lockout", "PT2S",
                "hub.security.allowed-origins", TRUSTED_ORIGIN));
        assertThat(hub.postJson("/api/orders", order("WEB-ACL-1")).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void nothingPersonalIsReadWithoutCredentials() throws Exception {
        for (String path : new String[] {"/api/customers?name=a", "/api/customers/1", "/api/orders", "/api/orders/WEB-ACL-1",
                "/api/reports/best-customers", "/admin/", "/admin/failures", "/admin/edi/interchanges"}) {
            HttpResponse<String> answer = hub.anonymousGet(path);

            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Basic realm=\"Backoffice Hub\", charset=\"UTF-8\"");
            assertThat(JSON.readTree(answer.body()).path("type").asText()).as(path).isEqualTo("urn:backoffice-hub:problem:unauthorized");
            assertThat(answer.body()).as(path).doesNotContain("@", "erpOrderNumber");
        }
        assertThat(hub.anonymousPost("/api/orders", order("WEB-ACL-ANON"), "Content-Type", "application/json").statusCode()).isEqualTo(401);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-ACL-ANON'")).isZero();
        assertThat(hub.anonymousGet("/observe/health").statusCode()).as("the health check stays open").isEqualTo(200);
    }

    @Test
    void theWebStoresClientPostsAndReadsItsOwnOrdersOnly() {
        assertThat(hub.postJson("/api/orders", order("WEB-ACL-2")).statusCode()).isEqualTo(201);
        assertThat(as("webstore", RunningHub.WEBSTORE_PASSWORD, "GET", "/api/orders/WEB-ACL-2", null).statusCode()).isEqualTo(200);
        assertThat(as("webstore", RunningHub.WEBSTORE_PASSWORD, "GET", "/api/orders?orderId=WEB-ACL-2", null).statusCode()).isEqualTo(200);

        assertForbidden(as("webstore", RunningHub.WEBSTORE_PASSWORD, "GET", "/api/orders?source=ACME", null));
        assertForbidden(as("webstore", RunningHub.WEBSTORE_PASSWORD, "GET", "/api/orders/PO-1?source=NORDWIND", null));
        assertForbidden(as("webstore", RunningHub.WEBSTORE_PASSWORD, "GET", "/api/customers?name=a", null));
        assertForbidden(as("webstore", RunningHub.WEBSTORE_PASSWORD, "GET", "/api/reports/best-customers", null));
        assertForbidden(as("webstore", RunningHub.WEBSTORE_PASSWORD, "GET", "/admin/failures", null));
    }

    @Test
    void reportingReadsCustomersReportsAndEveryChannelsOrdersButPostsNothing() {
        assertThat(as("carla", CARLA, "GET", "/api/customers?name=a", null).statusCode()).isEqualTo(200);
        assertThat(as("carla", CARLA, "GET", "/api/reports/best-customers", null).statusCode()).isEqualTo(200);
        assertThat(as("carla", CARLA, "GET", "/api/orders?source=ACME", null).statusCode()).isNotIn(401, 403).isLessThan(500);

        assertForbidden(as("carla", CARLA, "POST", "/api/orders", new String(order("WEB-ACL-CARLA"), StandardCharsets.UTF_8)));
        assertForbidden(as("carla", CARLA, "GET", "/admin/routes", null));
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-ACL-CARLA'")).isZero();
    }

    @Test
    void theOperatorReadsTheConsoleAndChangesNothing() throws Exception {
        assertThat(as("otto", OTTO, "GET", "/admin/", null).statusCode()).isEqualTo(200);
        assertThat(as("otto", OTTO, "GET", "/admin/routes", null).statusCode()).isEqualTo(200);
        assertThat(as("otto", OTTO, "GET", "/admin/failures", null).statusCode()).isEqualTo(200);

        assertForbidden(as("otto", OTTO, "PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"batch\"}"));
        assertForbidden(as("otto", OTTO, "POST", "/admin/accounting/journal", null));
        assertForbidden(as("otto", OTTO, "GET", "/api/customers?name=a", null));
        JsonNode routes = JSON.readTree(hub.get("/admin/routes").body());
        for (JsonNode route : routes) {
            if (route.path("routeId").asText().equals("webstore-orders")) {
                assertThat(route.path("mode").asText()).isEqualTo("realtime");
            }
        }
    }

    @Test
    void usersAddedOrRemovedInTheFileCountWithoutARestart() throws Exception {
        String password = "nina-joins-later-2026";
        assertThat(as("nina", password, "GET", "/api/customers?name=a", null).statusCode()).isEqualTo(401);

        new UsersFile(usersFile).put(new UsersFile.Entry("nina", Set.of(Role.REPORTING), HASHES.hash(password)));
        Awaitility.await("nina signs in").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> as("nina", password, "GET", "/api/customers?name=a", null).statusCode() == 200);

        assertThat(Files.readString(usersFile)).contains("nina = reporting {bcrypt}$2").doesNotContain(password);
        new UsersFile(usersFile).remove("nina");
        Awaitility.await("nina is gone").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> as("nina", password, "GET", "/api/customers?name=a", null).statusCode() == 401);
    }

    @Test
    void repeatedWrongPasswordsFromOneAddressAreAnswered429UntilTheLockoutEnds() throws Exception {
        String wrong = "Authorization: " + RunningHub.basic("admin", "guess") + "\r\n";
        String right = "Authorization: " + RunningHub.basic("admin", RunningHub.ADMIN_PASSWORD) + "\r\n";
        for (int i = 0; i < 3; i++) {
            assertThat(getFrom("127.0.0.2", wrong).status()).isEqualTo(401);
        }
        RawHttp.Response lockedOut = getFrom("127.0.0.2", right);

        assertThat(lockedOut.status()).as("even the right password while locked out").isEqualTo(429);
        assertThat(Integer.parseInt(lockedOut.header("retry-after"))).isBetween(1, 2);
        assertThat(JSON.readTree(lockedOut.body()).path("type").asText()).isEqualTo("urn:backoffice-hub:problem:too-many-sign-in-failures");
        assertThat(getFrom("127.0.0.3", right).status()).as("another address is not locked out").isEqualTo(200);
        String webstore = "Authorization: " + RunningHub.basic(RunningHub.WEBSTORE_USER, RunningHub.WEBSTORE_PASSWORD) + "\r\n";
        assertThat(getFrom("127.0.0.2", webstore, "/api/orders/WEB-ACL-1").status()).as("nor another user from that address").isEqualTo(200);
        assertThat(hub.get("/admin/routes").statusCode()).isEqualTo(200);

        Thread.sleep(2_100);
        assertThat(getFrom("127.0.0.2", right).status()).isEqualTo(200);
        assertThat(getFrom("127.0.0.2", wrong).status()).as("a success forgets the count").isEqualTo(401);
    }

    @Test
    void aStateChangeFromAnotherOriginIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> forged = send(admin("POST", "/admin/routes/webstore-orders/run", null).header("Origin", "https://evil.example"));
        HttpResponse<String> fetchedCrossSite = send(admin("PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"batch\"}")
                .header("Sec-Fetch-Site", "cross-site"));
        HttpResponse<String> nullOrigin = send(admin("POST", "/admin/accounting/journal", null).header("Origin", "null"));

        for (HttpResponse<String> refused : java.util.List.of(forged, fetchedCrossSite, nullOrigin)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).path("type").asText()).isEqualTo("urn:backoffice-hub:problem:cross-origin-refused");
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        assertThat(JSON.readTree(hub.get("/admin/routes").body()).findValuesAsText("mode")).doesNotContain("batch");

        assertThat(send(admin("PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"realtime\"}")
                .header("Origin", hub.baseUrl())).statusCode()).as("the hub's own page").isEqualTo(200);
        assertThat(send(admin("PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"realtime\"}")
                .header("Origin", TRUSTED_ORIGIN)).statusCode()).as("hub.security.allowed-origins").isEqualTo(200);
        assertThat(send(admin("GET", "/admin/routes", null).header("Origin", "https://evil.example")).statusCode())
                .as("reading is no change; the browser keeps the answer from the other page (no CORS header)").isEqualTo(200);
    }

    @Test
    void aStateChangeInAFormsBodyTypeIsRefused() throws Exception {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> refused = hub.adminAs("admin", RunningHub.ADMIN_PASSWORD, "PUT", "/admin/routes/webstore-orders/mode",
                    "{\"mode\":\"batch\"}", type);

            assertThat(refused.statusCode()).as(type).isEqualTo(415);
            assertThat(JSON.readTree(refused.body()).path("detail").asText()).as(type).contains("application/json");
        }
        assertThat(JSON.readTree(hub.get("/admin/routes").body()).findValuesAsText("mode")).doesNotContain("batch");
    }

    private static void assertForbidden(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(403);
        try {
            assertThat(JSON.readTree(answer.body()).path("type").asText()).isEqualTo("urn:backoffice-hub:problem:forbidden");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anotherUsersSuccessDoesNotClearTheCountOfWrongPasswords() throws Exception {
        String wrong = "Authorization: " + RunningHub.basic("admin", "guess") + "\r\n";
        // Another user's right password, in another spelling of the scheme, between the guesses.
        String otto = "Authorization: bAsIc " + RunningHub.basic("otto", OTTO).substring(6) + "\r\n";
        for (int i = 0; i < 2; i++) {
            assertThat(getFrom("127.0.0.4", wrong).status()).isEqualTo(401);
            assertThat(getFrom("127.0.0.4", otto).status()).isEqualTo(200);
        }
        assertThat(getFrom("127.0.0.4", wrong).status()).isEqualTo(401);

        assertThat(getFrom("127.0.0.4", wrong).status()).as("the third wrong admin password locked admin out").isEqualTo(429);
        assertThat(getFrom("127.0.0.4", otto).status()).isEqualTo(200);
    }

    private static RawHttp.Response getFrom(String address, String authorization) throws IOException {
        return getFrom(address, authorization, "/admin/routes");
    }

    private static RawHttp.Response getFrom(String address, String authorization, String path) throws IOException {
        try (RawHttp connection = RawHttp.connectFrom(address, hub.port())) {
            connection.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + authorization + "Connection: close\r\n\r\n");
            return connection.read(Duration.ofSeconds(10));
        }
    }

    private HttpResponse<String> as(String user, String password, String method, String path, String body) {
        return hub.adminAs(user, password, method, path, body);
    }

    private static HttpRequest.Builder admin(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .header("Authorization", RunningHub.basic("admin", RunningHub.ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] order(String orderId) {
        return TestOrders.webOrderJson(orderId, "SKU-1001", 1).getBytes(StandardCharsets.UTF_8);
    }
}
