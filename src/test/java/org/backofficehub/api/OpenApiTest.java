package org.backofficehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Route;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.rest.RestEndpoint;
import org.backofficehub.support.RunningHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the hub generates from its REST DSL (GET /api/openapi.json), on the real
 * daemon over real HTTP: every operation under /api and /admin with its operationId, and HTTP
 * Basic on exactly the /admin ones, checked against what the hub actually serves and answers.
 */
class OpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    /** Under /api: HTTP Basic on each but the platforms' webhook, which is signed with the shop's secret instead. */
    private static final Map<String, String> API = operations(
            "POST /api/orders", "postOrder",
            "POST /api/shops/{shop}/orders", "postShopOrder",
            "GET /api/orders", "searchOrders",
            "GET /api/orders/{orderId}", "showOrder",
            "GET /api/customers", "searchCustomers",
            "GET /api/customers/{customerId}", "showCustomer",
            "GET /api/reports/best-customers", "bestCustomers");

    /** The administrator's (operators read): HTTP Basic on every one. */
    private static final Map<String, String> ADMIN = operations(
            "GET /admin/", "adminConsole",
            "GET /admin/assets/{asset}", "consoleAsset",
            "GET /admin/cluster", "listClusterMembers",
            "GET /admin/me", "signedInUser",
            "GET /admin/dashboard", "dashboard",
            "GET /admin/partners/activity", "partnerActivity",
            "GET /admin/edi/partners/{partner}/profile", "showPartnerProfile",
            "PUT /admin/edi/profiles/{file}", "savePartnerProfile",
            "GET /admin/routes", "listRoutes",
            "PUT /admin/routes/{routeId}/mode", "changeRouteMode",
            "POST /admin/routes/{routeId}/run", "runRoute",
            "GET /admin/failures", "listFailures",
            "POST /admin/failures/{failureId}/replay", "replayFailure",
            "DELETE /admin/failures/{failureId}", "discardFailure",
            "GET /admin/edi/partners", "listEdiPartners",
            "GET /admin/edi/interchanges", "listEdiInterchanges",
            "POST /admin/edi/partners/{partner}/orders/{documentNumber}/{document}", "sendEdiDocument",
            "POST /admin/erp/shipments", "recordShipment",
            "POST /admin/accounting/journal", "closeJournal",
            "GET /admin/outbound", "outboundCounts",
            "POST /admin/customers/{customerId}/merge", "mergeCustomers",
            "POST /admin/customers/{customerId}/split", "splitCustomer",
            "POST /admin/customers/import", "importCustomers",
            "GET /admin/tracking", "searchTracking",
            "GET /admin/tracking/items/{itemId}", "showTrackedItem",
            "GET /admin/tracking/payloads/{hash}", "downloadTrackedPayload",
            "GET /admin/tracking/messages/{messageId}", "downloadOutboundMessage",
            "GET /admin/tracking/overdue-acknowledgements", "overdueAcknowledgements",
            "POST /admin/tracking/documents/{documentId}/resend", "resendTrackedDocument",
            "POST /admin/tracking/retention", "cleanUpTracking");

    private static final String WEBHOOK = "POST /api/shops/{shop}/orders";

    private static RunningHub hub;
    private static HttpResponse<String> served;
    private static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        // Every operation is tried with a wrong password below: more than the sign-in throttle lets through by default.
        hub = RunningHub.start(Map.of("hub.security.sign-in.max-failures", "1000"));
        served = hub.get("/api/openapi.json");
        document = JSON.readTree(served.body());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void isAnOpenApi3JsonDocumentAboutTheHub() {
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("info").path("title").asText()).isEqualTo("Backoffice Hub");
        assertThat(document.path("info").path("description").asText())
                .contains("/api", "/admin", "HTTP Basic", "RFC 7807", "application/problem+json");
    }

    @Test
    void listsEveryOperationUnderApiAndAdminWithItsOperationIdAndParameters() {
        Map<String, String> expected = new TreeMap<>(API);
        expected.putAll(ADMIN);

        assertThat(operationIds()).isEqualTo(expected);
        operations().forEach((operation, node) -> {
            assertThat(node.path("summary").asText()).as(operation).isNotBlank();
            Matcher params = PATH_PARAM.matcher(operation);
            while (params.find()) {
                JsonNode parameter = parameter(node, params.group(1));
                assertThat(parameter.path("in").asText()).as(operation + " " + params.group(1)).isEqualTo("path");
                assertThat(parameter.path("required").asBoolean()).as(operation + " " + params.group(1)).isTrue();
            }
        });
        assertThat(parameter(operations().get("GET /api/customers"), "email").path("in").asText()).isEqualTo("query");
        assertThat(parameter(operations().get("GET /admin/failures"), "state").path("schema").path("enum"))
                .extracting(JsonNode::asText).containsExactly("open", "replayed", "discarded", "all");
        assertThat(operations().get("PUT /admin/routes/{routeId}/mode").path("requestBody").path("content").has("application/json")).isTrue();
    }

    /** What the running hub serves, read from its routes' HTTP consumers (REST DSL or plain platform-http), not from the document. */
    @Test
    void everyHttpEndpointTheHubServesUnderApiAndAdminIsInTheDocument() {
        Set<String> servedOperations = new TreeSet<>();
        for (Route route : hub.camel().getRoutes()) {
            if (route.getEndpoint() instanceof RestEndpoint rest) {
                String template = rest.getUriTemplate() == null ? "" : rest.getUriTemplate();
                servedOperations.add(rest.getMethod().toUpperCase(Locale.ROOT) + " " + rest.getPath() + template);
            } else if (route.getEndpoint() instanceof PlatformHttpEndpoint http) {
                String methods = http.getHttpMethodRestrict() == null ? "ANY" : http.getHttpMethodRestrict();
                for (String method : methods.split(",")) {
                    servedOperations.add(method.trim().toUpperCase(Locale.ROOT) + " " + (http.getPath().startsWith("/") ? "" : "/") + http.getPath());
                }
            }
        }
        servedOperations.removeIf(operation -> !operation.contains(" /api/") && !operation.contains(" /admin/"));

        assertThat(servedOperations).isEqualTo(operationIds().keySet());
    }

    @Test
    void everyOperationButTheSignedWebhookRequiresHttpBasic() {
        JsonNode scheme = document.path("components").path("securitySchemes").path("hubBasicAuth");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("basic");
        assertThat(scheme.path("description").asText()).contains("401", "403", "429", "webstore", "reporting", "operator", "admin");
        assertThat(document.has("security")).as("no requirement for the whole document").isFalse();

        operations().forEach((operation, node) -> {
            if (signedIn(operation)) {
                assertThat(node.path("security")).as(operation).hasSize(1);
                assertThat(node.path("security").get(0).path("hubBasicAuth").isArray()).as(operation).isTrue();
                assertThat(node.path("security").get(0).size()).as(operation).isEqualTo(1);
            } else {
                assertThat(node.has("security")).as(operation).isFalse();
            }
        });
    }

    private static boolean signedIn(String operation) {
        return !operation.equals(WEBHOOK);
    }

    /** The document is not just words: each operation it marks as needing credentials refuses a caller without them. */
    @Test
    void everyOperationTheDocumentMarksForBasicAuthAnswers401WithoutCredentials() throws Exception {
        Map<String, String> all = new TreeMap<>(API);
        all.putAll(ADMIN);
        for (String operation : all.keySet().stream().filter(OpenApiTest::signedIn).toList()) {
            String[] methodAndPath = operation.split(" ", 2);
            String path = PATH_PARAM.matcher(methodAndPath[1]).replaceAll("1");
            for (String password : new String[] {null, "wrong"}) {
                HttpResponse<String> response = hub.adminAs(password == null ? null : "admin", password, methodAndPath[0], path,
                        methodAndPath[0].equals("GET") || methodAndPath[0].equals("DELETE") ? null : "{}");

                assertThat(response.statusCode()).as(operation).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).as(operation)
                        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm="));
                assertThat(response.headers().firstValue("Content-Type")).as(operation).hasValue("application/problem+json");
                JsonNode problem = JSON.readTree(response.body());
                assertThat(problem.path("type").asText()).as(operation).isEqualTo("urn:backoffice-hub:problem:unauthorized");
                assertThat(problem.path("status").asInt()).isEqualTo(401);
                assertThat(problem.path("instance").asText()).isEqualTo(path);
            }
        }
    }

    @Test
    void theApiReadsAnswerTheSignedInAdministrator() {
        for (String operation : API.keySet()) {
            String[] methodAndPath = operation.split(" ", 2);
            if (methodAndPath[0].equals("GET")) {
                String path = PATH_PARAM.matcher(methodAndPath[1]).replaceAll("1");
                assertThat(hub.get(path).statusCode()).as(operation).isNotIn(401, 403).isLessThan(500);
            }
        }
    }

    /**
     * consumes/produces describe the operations; the server does not turn a request away for them
     * with an empty 415 or 406. The hub's routes answer, as problems: a JSON operation refuses
     * another media type itself (415), an answer in JSON is given whatever Accept says.
     */
    @Test
    void declaredMediaTypesDescribeButTheRoutesAnswer() throws Exception {
        HttpResponse<String> unlabelled = send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/orders"))
                .header("Authorization", RunningHub.basic(RunningHub.WEBSTORE_USER, RunningHub.WEBSTORE_PASSWORD))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> otherAccept = send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/orders/NOT-BOOKED"))
                .header("Authorization", RunningHub.basic(RunningHub.WEBSTORE_USER, RunningHub.WEBSTORE_PASSWORD))
                .header("Accept", "text/csv").GET());

        assertThat(operations().get("POST /api/orders").path("requestBody").path("content").has("application/json")).isTrue();
        assertThat(unlabelled.statusCode()).isEqualTo(415);
        assertThat(unlabelled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(unlabelled.body()).path("type").asText()).isEqualTo("urn:backoffice-hub:problem:unsupported-media-type");
        assertThat(otherAccept.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(otherAccept.body()).path("type").asText()).isEqualTo("urn:backoffice-hub:problem:order-not-found");
    }

    @Test
    void behindAProxyTheDocumentNamesTheForwardedServer() throws Exception {
        HttpResponse<String> proxied = send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/openapi.json"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "hub.example.com").GET());

        assertThat(JSON.readTree(proxied.body()).path("servers").get(0).path("url").asText()).isEqualTo("https://hub.example.com");
        assertThat(document.path("servers").toString()).as("not the address the hub listens on").doesNotContain("0.0.0.0");
    }

    @Test
    void theDocumentDoesNotEchoTheCallersCredentials() throws Exception {
        HttpResponse<String> asked = send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/openapi.json"))
                .header("Authorization", "Basic YWRtaW46c2VjcmV0").header("Cookie", "session=secret").GET());

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.headers().map().keySet()).map(name -> name.toLowerCase(Locale.ROOT))
                .doesNotContain("authorization", "cookie");
    }

    /** "METHOD /path" of every operation in the document, with the operation. */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                method -> operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue())));
        return operations;
    }

    private static Map<String, String> operationIds() {
        Map<String, String> ids = new TreeMap<>();
        operations().forEach((operation, node) -> ids.put(operation, node.path("operationId").asText()));
        return ids;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("No parameter " + name + " in " + operation.path("operationId").asText());
    }

    private static Map<String, String> operations(String... operationsAndIds) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < operationsAndIds.length; i += 2) {
            map.put(operationsAndIds[i], operationsAndIds[i + 1]);
        }
        return map;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
