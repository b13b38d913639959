package org.backofficehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.backofficehub.support.RawHttp;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Shops;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the hub takes as a JSON request, on the real daemon over real HTTP: only a JSON media type,
 * a body that is there, one JSON document and nothing after it, strict UTF-8, identifiers without
 * control characters, and query parameters in range. Every refusal is a specific 4xx problem;
 * nothing is booked.
 */
class StrictInputTest {

    /** Raw requests sign in as the web store's client, as RunningHub's do. */
    private static final String SIGNED_IN = "Authorization: " + RunningHub.basic(RunningHub.WEBSTORE_USER, RunningHub.WEBSTORE_PASSWORD) + "\r\n";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOP_SECRET = "strict-input-shop-secret";
    private static RunningHub hub;

    @BeforeAll
    static void start() {
        Shops shops = Shops.inTempFolder().profile("strict-shop", "platform", "shopify");
        hub = RunningHub.start(Map.of("hub.shops.dir", shops.directory().toString(), "hub.shop.strict-shop.secret", SHOP_SECRET));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void jsonUnderAnotherMediaTypeIsRefusedWith415() throws Exception {
        byte[] order = order("WEB-CT-1");
        for (String contentType : new String[] {"text/plain", "application/xml", "application/json; charset=iso-8859-1"}) {
            HttpResponse<String> refused = hub.post("/api/orders", order, "Content-Type", contentType);

            assertProblem(refused, 415, "unsupported-media-type");
            assertThat(refused.body()).as(contentType).contains(contentType.split(";")[0]);
        }
        assertNotBooked("WEB-CT-1");
    }

    @Test
    void jsonWithoutAContentTypeIsRefusedWith415() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            byte[] order = order("WEB-CT-2");
            connection.send("POST /api/orders HTTP/1.1\r\nHost: hub\r\n" + SIGNED_IN + "Content-Length: " + order.length + "\r\n\r\n").send(order);

            assertProblem(connection.read(Duration.ofSeconds(10)), 415, "unsupported-media-type");
        }
        assertNotBooked("WEB-CT-2");
    }

    @Test
    void jsonMediaTypesAreTaken() throws Exception {
        assertThat(hub.post("/api/orders", order("WEB-CT-3"), "Content-Type", "application/json; charset=UTF-8").statusCode()).isEqualTo(201);
        assertThat(hub.post("/api/orders", order("WEB-CT-4"), "Content-Type", "application/vnd.webstore.order+json").statusCode()).isEqualTo(201);
    }

    @Test
    void aBodilessPostIsA400() throws Exception {
        assertProblem(hub.post("/api/orders", new byte[0], "Content-Type", "application/json"), 400, "malformed-document");
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            connection.send("POST /api/orders HTTP/1.1\r\nHost: hub\r\n" + SIGNED_IN + "\r\n");

            assertProblem(connection.read(Duration.ofSeconds(10)), 400, "malformed-document");
        }
    }

    @Test
    void anEmptyChunkedBodyIsA400() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            connection.send("POST /api/orders HTTP/1.1\r\nHost: hub\r\n" + SIGNED_IN + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");

            assertProblem(connection.read(Duration.ofSeconds(10)), 400, "malformed-document");
        }
    }

    @Test
    void formAndMultipartBodiesAreRefusedWith415() throws Exception {
        assertProblem(hub.post("/api/orders", "orderId=WEB-FORM-1&sku=SKU-1001".getBytes(StandardCharsets.US_ASCII),
                "Content-Type", "application/x-www-form-urlencoded"), 415, "unsupported-media-type");
        String boundary = "hub-boundary";
        byte[] multipart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"order\"; filename=\"order.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + new String(order("WEB-FORM-2"), StandardCharsets.UTF_8) + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(hub.post("/api/orders", multipart, "Content-Type", "multipart/form-data; boundary=" + boundary), 415, "unsupported-media-type");
        assertNotBooked("WEB-FORM-2");
    }

    @Test
    void dataAfterTheDocumentIsRefused() throws Exception {
        for (String trailing : new String[] {" xyz", "{}", " {\"orderId\":\"WEB-TRAIL-2\"}", "]"}) {
            byte[] body = (new String(order("WEB-TRAIL-1"), StandardCharsets.UTF_8) + trailing).getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> refused = hub.postJson("/api/orders", body);

            assertProblem(refused, 400, "malformed-document");
            assertThat(detail(refused)).as(trailing).contains("after the JSON document");
        }
        assertNotBooked("WEB-TRAIL-1");
    }

    @Test
    void malformedUtf8IsRefusedNamingItsOffset() throws Exception {
        String json = new String(order("WEB-UTF-1"), StandardCharsets.UTF_8);
        int at = json.indexOf("Load Tester") + 4;
        Map<String, byte[]> attacks = Map.of(
                "overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF},
                "CESU-8 surrogate pair", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xED, (byte) 0xB0, (byte) 0x80},
                "lone continuation", new byte[] {(byte) 0x80},
                "Latin-1 umlaut", new byte[] {(byte) 0xFC});
        for (Map.Entry<String, byte[]> attack : attacks.entrySet()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
            body.write(attack.getValue());
            body.write(json.substring(at).getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> refused = hub.postJson("/api/orders", body.toByteArray());

            assertProblem(refused, 400, "malformed-document");
            assertThat(detail(refused)).as(attack.getKey()).contains("not valid UTF-8").contains("byte " + at);
        }
        assertNotBooked("WEB-UTF-1");
    }

    @Test
    void controlCharactersInAnOrderIdAreRefusedAndTheCleanIdStillBooks() throws Exception {
        HttpResponse<String> refused = hub.postJson("/api/orders", order("FZ-1\n"));

        assertProblem(refused, 400, "schema-violation");
        assertThat(JSON.readTree(refused.body()).path("errors").get(0).path("field").asText()).isEqualTo("/orderId");
        assertThat(hub.postJson("/api/orders", order("FZ-1")).statusCode()).isEqualTo(201);
        assertThat(hub.postJson("/api/orders", order("FZ-1")).statusCode()).isEqualTo(200);
    }

    @Test
    void controlCharactersInAnyTextAreRefusedNamingTheField() throws Exception {
        String json = new String(order("WEB-CTL-1"), StandardCharsets.UTF_8).replace("Load Tester", "Load\\u0000Tester");

        HttpResponse<String> refused = hub.postJson("/api/orders", json.getBytes(StandardCharsets.UTF_8));

        assertProblem(refused, 400, "schema-violation");
        assertThat(JSON.readTree(refused.body()).path("errors").get(0).path("field").asText()).isEqualTo("/customer/name");
        assertNotBooked("WEB-CTL-1");
    }

    @Test
    void aKeyTwiceIsRefused() throws Exception {
        String json = new String(order("WEB-DUP-1"), StandardCharsets.UTF_8).replace("{\"orderId\":\"WEB-DUP-1\",", "{\"orderId\":\"WEB-DUP-1\",\"orderId\":\"WEB-DUP-2\",");

        assertProblem(hub.postJson("/api/orders", json.getBytes(StandardCharsets.UTF_8)), 400, "malformed-document");
        assertNotBooked("WEB-DUP-1");
        assertNotBooked("WEB-DUP-2");
    }

    @Test
    void queryParametersOutOfRangeAre400() throws Exception {
        for (String query : new String[] {"limit=-1", "limit=0", "limit=abc", "limit=1001", "limit=99999999999999999999",
                "from=2026-13-01", "from=2026-06-01&to=2026-01-01", "currency=euro", "by=margin"}) {
            assertProblem(hub.get("/api/reports/best-customers?" + query), 400, "invalid-request");
        }
        assertProblem(hub.admin("GET", "/admin/failures?state=bogus", null), 400, "invalid-request");
        assertProblem(hub.admin("GET", "/admin/edi/interchanges?direction=sideways", null), 400, "invalid-request");
        assertThat(hub.get("/api/reports/best-customers?limit=5&from=2026-01-01&to=2026-12-31").statusCode()).isEqualTo(200);
    }

    @Test
    void shopWebhooksTakeOnlyJson() throws Exception {
        byte[] order = Shops.payload("shopify-order-webhook.json");
        HttpResponse<String> textPlain = hub.post("/api/shops/strict-shop/orders", order, "Content-Type", "text/plain",
                "X-Shopify-Hmac-Sha256", Shops.base64Hmac(SHOP_SECRET, order), "X-Shopify-Topic", "orders/create");
        assertProblem(textPlain, 415, "unsupported-media-type");

        byte[] trailing = (new String(order, StandardCharsets.UTF_8) + " trailing").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> withTrailingData = hub.post("/api/shops/strict-shop/orders", trailing, "Content-Type", "application/json",
                "X-Shopify-Hmac-Sha256", Shops.base64Hmac(SHOP_SECRET, trailing), "X-Shopify-Topic", "orders/create");
        assertProblem(withTrailingData, 400, "malformed-document");
    }

    @Test
    void adminJsonEndpointsTakeOnlyExactJson() throws Exception {
        assertProblem(hub.admin("PUT", "/admin/routes/webstore-orders/mode", null), 400, "invalid-request");
        assertProblem(hub.admin("PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"realtime\"} x"), 400, "invalid-request");
        HttpResponse<String> wrongType = hub.adminAs("admin", RunningHub.ADMIN_PASSWORD, "PUT", "/admin/routes/webstore-orders/mode",
                "{\"mode\":\"realtime\"}", "text/plain");
        assertProblem(wrongType, 415, "unsupported-media-type");
        assertThat(hub.admin("PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"realtime\"}").statusCode()).isEqualTo(200);
    }

    private static byte[] order(String orderId) {
        return TestOrders.webOrderJson(orderId.replace("\n", "\\n"), "SKU-1001", 1).replace("\n", "").getBytes(StandardCharsets.UTF_8);
    }

    private static String detail(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("detail").asText();
    }

    private static void assertNotBooked(String orderId) {
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = '" + orderId + "'")).as(orderId + " booked").isZero();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String slug) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).as(response.body()).isEqualTo("urn:backoffice-hub:problem:" + slug);
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private static void assertProblem(RawHttp.Response response, int status, String slug) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("content-type")).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("type").asText()).isEqualTo("urn:backoffice-hub:problem:" + slug);
    }
}
