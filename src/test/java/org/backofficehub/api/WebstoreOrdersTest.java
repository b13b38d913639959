package org.backofficehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.backofficehub.support.ExpectedProblems;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web-store API on the real daemon over real HTTP, booking into the demo ERP on H2. */
class WebstoreOrdersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningHub hub;

    @BeforeAll
    static void start() {
        hub = RunningHub.start(Map.of("hub.max-input-bytes", "8192"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void healthIsUpWithBothDatabasesReachable() throws Exception {
        HttpResponse<String> health = hub.get("/observe/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void sampleOrderIsBookedOnceAndReadBackFromTheErp() throws Exception {
        HttpResponse<String> created = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode booking = JSON.readTree(created.body());
        String erpNumber = booking.path("erpOrderNumber").asText();
        assertThat(booking.path("orderId").asText()).isEqualTo("WEB-10001");
        assertThat(booking.path("status").asText()).isEqualTo("BOOKED");
        assertThat(erpNumber).matches("\\d{6}");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/orders/WEB-10001");

        HttpResponse<String> shown = hub.get("/api/orders/WEB-10001");
        assertThat(shown.statusCode()).isEqualTo(200);
        JsonNode view = JSON.readTree(shown.body());
        assertThat(view.path("erpOrderNumber").asText()).isEqualTo(erpNumber);
        assertThat(view.path("customer").path("name").asText()).isEqualTo("Anna Müller");
        assertThat(view.path("lines")).hasSize(2);
        assertThat(view.path("netTotal").decimalValue()).isEqualByComparingTo("75.80");

        HttpResponse<String> again = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("erpOrderNumber").asText()).isEqualTo(erpNumber);
        assertThat(JSON.readTree(again.body()).path("alreadyBooked").asBoolean()).isTrue();
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-10001'")).isEqualTo(1);
    }

    @Test
    void everyInvalidSampleGetsItsSpecificProblem() throws Exception {
        for (Map.Entry<String, String> expectation : ExpectedProblems.of("webstore/invalid").entrySet()) {
            String[] statusAndType = expectation.getValue().split(" ");

            HttpResponse<String> response = hub.postJson("/api/orders", Samples.bytes("webstore/invalid/" + expectation.getKey()));

            assertThat(response.statusCode()).as(expectation.getKey()).isEqualTo(Integer.parseInt(statusAndType[0]));
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("type").asText()).as(expectation.getKey()).isEqualTo("urn:backoffice-hub:problem:" + statusAndType[1]);
            assertThat(problem.path("status").asInt()).isEqualTo(Integer.parseInt(statusAndType[0]));
            assertThat(problem.path("detail").asText()).isNotBlank();
        }
    }

    @Test
    void problemNamesTheFieldAndReason() throws Exception {
        HttpResponse<String> response = hub.postJson("/api/orders", Samples.bytes("webstore/invalid/unknown-sku.json"));

        JsonNode error = JSON.readTree(response.body()).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("/lines/1/sku");
        assertThat(error.path("reason").asText()).contains("SKU-DOES-NOT-EXIST");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-BAD-3'")).isZero();
    }

    /** Issue 21, 8: 0.0004 pieces at 99,999,999.00 was booked as 0 pieces, 40,000.00 on the header, 47,600.00 invoiced. */
    @Test
    void aQuantityOrPriceFinerThanTheErpHoldsIsRefusedNamingEachFieldAndNothingIsBooked() throws Exception {
        HttpResponse<String> response = hub.postJson("/api/orders", Samples.bytes("webstore/invalid/finer-than-the-erp.json"));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:backoffice-hub:problem:amount-precision");
        assertThat(problem.path("errors")).extracting(e -> e.path("field").asText())
                .containsExactly("/lines/0/quantity", "/lines/1/unitPrice");
        assertThat(problem.path("errors").get(0).path("reason").asText()).contains("0.0004").contains("3 after");
        assertThat(problem.path("errors").get(1).path("reason").asText()).contains("18.405").contains("2 after");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-BAD-5'")).isZero();
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ITMMAS WHERE IMALLO <> 0 AND IMITNO = 'SKU-1001' AND IMALLO <> FLOOR(IMALLO)"))
                .as("no fraction of a cup allocated").isZero();
    }

    @Test
    void oversizedBodyIsRefusedWith413() throws Exception {
        byte[] big = ("{\"orderId\":\"BIG\",\"pad\":\"" + "x".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = hub.postJson("/api/orders", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("type").asText()).isEqualTo("urn:backoffice-hub:problem:input-too-large");
    }

    @Test
    void unknownOrderIs404Problem() throws Exception {
        HttpResponse<String> response = hub.get("/api/orders/NOT-BOOKED");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("type").asText()).isEqualTo("urn:backoffice-hub:problem:order-not-found");
    }

    @Test
    void ordersAreSearchableBySourceAndOrderId() throws Exception {
        hub.postJson("/api/orders", TestOrders.webOrderJson("WEB-SEARCH-1", "SKU-3002", 1).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> bySource = hub.get("/api/orders?source=WEBSTORE&orderId=WEB-SEARCH-1");
        HttpResponse<String> byPartnerAlias = hub.get("/api/orders?partner=WEBSTORE&documentNumber=WEB-SEARCH-1");

        assertThat(JSON.readTree(bySource.body())).singleElement()
                .satisfies(order -> assertThat(order.path("orderId").asText()).isEqualTo("WEB-SEARCH-1"));
        assertThat(byPartnerAlias.body()).isEqualTo(bySource.body());
    }

}
