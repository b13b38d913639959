package org.backofficehub.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.backofficehub.support.CanonicalJson;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The customer master through the real daemon, as the acceptance describes it. */
class CustomerMasterTest {

    private RunningHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void annaOnTheWebAndOverEdiIsOneCustomerWithThreeOrdersAndStaysOneOnReplayAndErpImport() throws Exception {
        hub = RunningHub.start();
        assertThat(hub.postJson("/api/orders", Samples.bytes("customers/anna-web-1.json")).statusCode()).isEqualTo(201);
        assertThat(hub.postJson("/api/orders", Samples.bytes("customers/anna-web-2.json")).statusCode()).isEqualTo(201);
        hub.drop("customers/anna-edi-orders.edi", "anna.edi");
        hub.awaitSingle("done", "_anna.edi");

        JsonNode anna = awaitCustomer("anna.muller@example.com", 3);
        assertThat(anna.path("gln").asText()).isEqualTo("4012345000047");
        assertThat(anna.path("sources")).hasSize(3);
        assertThat(rules(anna)).containsExactlyInAnyOrder("new", "email", "email");
        assertThat(anna.path("sources").get(0).has("matchedSource")).as("a new customer's first record matched nothing").isFalse();
        assertThat(anna.path("sources").get(1).path("matchedSource").asLong()).isEqualTo(anna.path("sources").get(0).path("id").asLong());
        assertThat(ordersIn(anna).stream().map(e -> e.path("reference").asText()).toList())
                .containsExactlyInAnyOrder("WEBSTORE/WEB-20001", "WEBSTORE/WEB-20002", "NORDWIND/NW-PO-9001");
        assertThat(ordersIn(anna).stream().map(e -> e.path("channel").asText()).toList()).containsExactlyInAnyOrder("web-store", "web-store", "edi");
        assertThat(eventsIn(anna, "invoice")).as("each order's invoice, from accounting").hasSize(3)
                .allSatisfy(e -> assertThat(e.path("channel").asText()).isEqualTo("accounting"));

        // Replayed inputs: the web orders again, and the interchange under a new file name.
        assertThat(hub.postJson("/api/orders", Samples.bytes("customers/anna-web-1.json")).statusCode()).isEqualTo(200);
        assertThat(hub.postJson("/api/orders", Samples.bytes("customers/anna-web-2.json")).statusCode()).isEqualTo(200);
        hub.drop("customers/anna-edi-orders.edi", "anna-again.edi");
        hub.awaitSingle("error", "_anna-again.edi");
        hub.drop("customers/erp-customers.csv", "customers.csv");
        hub.awaitSingle("done", "_customers.csv");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> customers("anna.muller@example.com").get(0).path("sources").asInt() == 4);

        List<JsonNode> found = customers("anna.muller@example.com");
        assertThat(found).hasSize(1);
        JsonNode linked = customer(found.get(0).path("id").asLong());
        assertThat(linked.path("erpNumber").asText()).isEqualTo("40017");
        assertThat(linked.path("name").asText()).as("the ERP wins the name").isEqualTo("Anna Mueller");
        assertThat(ordersIn(linked)).hasSize(3);
        assertThat(eventsIn(linked, "invoice")).as("replays are not invoiced again").hasSize(3);
        assertThat(customers("+49 30 5550142")).as("phone search, any spelling").hasSize(1);
        assertThat(hub.get("/api/customers?phone=030%205550142").body()).contains("\"id\":" + linked.path("id").asLong());
    }

    @Test
    void theErpCustomerMasterIsImportedOnDemandAndALegacyDuplicateLinks() throws Exception {
        hub = RunningHub.start();
        assertThat(hub.admin("POST", "/admin/customers/import", "").body()).contains("\"records\":2");
        hub.drop("customers/erp-customers.csv", "customers.csv");
        hub.awaitSingle("done", "_customers.csv");

        List<JsonNode> bean = customers("orders@beanandleaf.example");
        assertThat(bean).as("ERP 40002 and the export's 40018 are one customer").hasSize(1);
        assertThat(bean.get(0).path("sources").asInt()).isEqualTo(2);
        assertThat(hub.admin("POST", "/admin/customers/import", "").body()).contains("\"records\":2");
        assertThat(customers("orders@beanandleaf.example").get(0).path("sources").asInt()).as("re-import changes nothing").isEqualTo(2);
    }

    @Test
    void anAdministratorSplitsAndMergesAndTheBestCustomersReportRanksByRevenue() throws Exception {
        hub = RunningHub.start();
        hub.postJson("/api/orders", Samples.bytes("customers/anna-web-1.json"));
        hub.postJson("/api/orders", Samples.bytes("customers/anna-web-2.json"));
        JsonNode anna = awaitCustomer("anna.muller@example.com", 2);
        long annaId = anna.path("id").asLong();
        long secondSource = anna.path("sources").get(1).path("id").asLong();

        assertThat(hub.admin("POST", "/admin/customers/" + annaId + "/split", "{}").statusCode()).isEqualTo(400);
        var split = hub.admin("POST", "/admin/customers/" + annaId + "/split", "{\"sourceIds\":[" + secondSource + "]}");
        assertThat(split.statusCode()).isEqualTo(201);
        long splitId = CanonicalJson.parse(split.body()).path("customerId").asLong();
        assertThat(ordersIn(customer(annaId))).hasSize(1);
        assertThat(ordersIn(customer(splitId))).hasSize(1);
        assertThat(customer(splitId).path("sources").get(0).path("rule").asText()).isEqualTo("manual");

        var merged = hub.admin("POST", "/admin/customers/" + annaId + "/merge", "{\"customerId\":" + splitId + "}");
        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(ordersIn(customer(annaId))).hasSize(2);
        JsonNode viaOldId = customer(splitId);
        assertThat(viaOldId.path("id").asLong()).as("a merged-away id leads to the survivor").isEqualTo(annaId);

        JsonNode report = CanonicalJson.parse(hub.get("/api/reports/best-customers?by=revenue").body());
        assertThat(report.path("customers").get(0).path("customerId").asLong()).isEqualTo(annaId);
        assertThat(report.path("customers").get(0).path("orders").asInt()).isEqualTo(2);
        assertThat(report.path("customers").get(0).path("revenue").decimalValue()).isEqualByComparingTo("133.20");
        assertThat(hub.get("/api/reports/best-customers?by=nonsense").statusCode()).isEqualTo(400);
        assertThat(hub.get("/api/customers/999999").statusCode()).isEqualTo(404);
        assertThat(hub.adminAs("admin", "wrong", "POST", "/admin/customers/" + annaId + "/merge", "{\"customerId\":1}").statusCode())
                .isEqualTo(401);
    }

    private JsonNode awaitCustomer(String email, int orders) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<JsonNode> found = customers(email);
            if (found.size() != 1) {
                return false;
            }
            // Settled: every order is in the history, and so is its invoice (which follows the booking).
            JsonNode customer = customer(found.get(0).path("id").asLong());
            return ordersIn(customer).size() == orders && eventsIn(customer, "invoice").size() == orders;
        });
        return customer(customers(email).get(0).path("id").asLong());
    }

    private static List<JsonNode> ordersIn(JsonNode customer) {
        return eventsIn(customer, "order");
    }

    private static List<JsonNode> eventsIn(JsonNode customer, String kind) {
        List<JsonNode> events = new ArrayList<>();
        customer.path("history").forEach(e -> {
            if (kind.equals(e.path("kind").asText())) {
                events.add(e);
            }
        });
        return events;
    }

    private List<JsonNode> customers(String email) throws Exception {
        String query = email.startsWith("+") ? "phone=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
                : "email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8);
        var response = hub.get("/api/customers?" + query);
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        CanonicalJson.parse(response.body()).forEach(found::add);
        return found;
    }

    private JsonNode customer(long id) throws Exception {
        var response = hub.get("/api/customers/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        return CanonicalJson.parse(response.body());
    }

    private static List<String> rules(JsonNode customer) {
        return customer.path("sources").findValuesAsText("rule");
    }
}
