package org.backofficehub.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 22's acceptance, on the whole daemon: a web order, an EDIFACT ORDERS interchange and an
 * X12 850 are each found by their order number, the partner's PO number and the interchange
 * control number in one search, with their whole chain (received, acknowledged, booked, answered,
 * invoiced, journaled, noticed, shipped, despatch-advised, the partner's acknowledgement
 * reconciled), payloads equal to what was received and sent, a resend under a new control number,
 * overdue acknowledgements, and retention. Run on H2 and on PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrackingScenario {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private RunningHub hub;

    /** The store's settings (none: H2). */
    abstract Map<String, String> database();

    @BeforeAll
    void start() {
        Map<String, String> settings = new HashMap<>(database());
        settings.put("hub.tracking.flush-ms", "100");
        settings.put("hub.outbound.poll-ms", "200");
        settings.put("hub.shipments.poll-delay-ms", "300");
        // Nordwind's acknowledgements are due within two seconds here, Acme's within the shipped day.
        settings.put("hub.partner.nordwind.ack.expected-within", "PT2S");
        hub = RunningHub.start(settings);
    }

    @AfterAll
    void stop() {
        hub.close();
    }

    @Test
    void anOrderNumberAPartnersPoNumberOrAControlNumberFindsTheWholeChainInOneSearch() throws Exception {
        HttpResponse<String> posted = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));
        assertThat(posted.statusCode()).isEqualTo(201);
        String webErpNumber = JSON.readTree(posted.body()).path("erpOrderNumber").asText();
        hub.drop("edifact/orders-d96a-eancom.edi", "nordwind-orders.edi");
        hub.drop("x12/850-004010.edi", "acme-850.edi");
        hub.awaitSingle("outbox/nordwind", ".edi", "ORDRSP-");
        hub.awaitSingle("outbox/acme", ".edi", "855-");

        // One search each, by whatever identifier the operator was given.
        JsonNode web = only(search("q=WEB-10001"));
        assertThat(only(search("q=" + webErpNumber)).path("itemId")).isEqualTo(web.path("itemId"));
        JsonNode nordwind = only(search("q=NW-PO-4711"));
        // The interchange carries two orders: its control number finds both chains.
        assertThat(search("q=NW000000001")).extracting(i -> i.path("orderId").asText()).containsExactlyInAnyOrder("NW-PO-4711", "NW-PO-4712");
        assertThat(search("controlNumber=NW000000001&partner=NORDWIND")).extracting(i -> i.path("itemId")).contains(nordwind.path("itemId"));
        JsonNode acme = only(search("q=ACME-PO-8801"));
        assertThat(search("q=000000101")).extracting(i -> i.path("orderId").asText()).containsExactlyInAnyOrder("ACME-PO-8801", "ACME-PO-8802");
        assertThat(only(search("documentNumber=ACME-PO-8801&partner=ACME")).path("itemId")).isEqualTo(acme.path("itemId"));
        assertThat(search("fileName=acme-850.edi")).extracting(i -> i.path("itemId")).contains(acme.path("itemId"));
        assertThat(search("q=WEB-10001&state=booked")).hasSize(1);
        assertThat(search("q=WEB-10001&state=staged")).isEmpty();
        assertThat(search("q=WEB-10001&from=2020-01-01&to=2099-12-31")).hasSize(1);
        assertThat(search("q=WEB-10001&to=2020-01-01")).isEmpty();
        assertThat(search("q=WEB-10001&partner=ACME")).isEmpty();
        // By customer: the golden customer's e-mail address finds the orders in its history (resolved within a second or so).
        Awaitility.await("the customer's orders").atMost(Duration.ofSeconds(15)).until(() -> search("customer=anna.muller@example.com")
                .stream().anyMatch(i -> i.path("itemId").equals(web.path("itemId"))));
        // Without an identifier: the latest, of one partner.
        assertThat(search("partner=NORDWIND&state=booked")).extracting(i -> i.path("itemId")).contains(nordwind.path("itemId"))
                .doesNotContain(web.path("itemId"), acme.path("itemId"));
        assertThat(nordwind.path("source").asText()).isEqualTo("NORDWIND");
        assertThat(nordwind.path("state").asText()).isEqualTo("booked");

        // The warehouse ships all three: the chain goes on to the shipment and, for partners, the DESADV/856.
        for (String erpNumber : List.of(webErpNumber, nordwind.path("erpOrderNumber").asText(), acme.path("erpOrderNumber").asText())) {
            assertThat(hub.admin("POST", "/admin/erp/shipments", "{\"erpOrderNumber\":\"" + erpNumber + "\",\"carrier\":\"DHL\","
                    + "\"trackingNumber\":\"TRK-" + erpNumber + "\"}").statusCode()).isEqualTo(201);
        }
        JsonNode webChain = awaitSteps(web, "received", "booked", "invoiced", "journal-posting", "shipped");
        JsonNode nordwindChain = awaitSteps(nordwind, "received", "acknowledgement-sent", "booked", "order-response", "invoiced",
                "invoice-sent", "shipped", "despatch-advice");
        JsonNode acmeChain = awaitSteps(acme, "received", "acknowledgement-sent", "booked", "order-response", "invoiced", "invoice-sent",
                "shipped", "despatch-advice");
        assertThat(only(search("q=TRK-" + webErpNumber)).path("itemId")).isEqualTo(web.path("itemId"));
        for (JsonNode chain : List.of(webChain, nordwindChain, acmeChain)) {
            assertThat(steps(chain).get(0).path("kind").asText()).as("a chain starts where the document came in").isEqualTo("received");
        }

        // Payloads: exactly what was received and what was sent.
        assertThat(payload(step(webChain, "received"))).isEqualTo(Samples.bytes("webstore/order.json"));
        assertThat(payload(step(nordwindChain, "received"))).isEqualTo(Samples.bytes("edifact/orders-d96a-eancom.edi"));
        assertThat(payload(step(acmeChain, "received"))).isEqualTo(Samples.bytes("x12/850-004010.edi"));
        JsonNode orderResponse = step(nordwindChain, "order-response");
        Path ordrsp = hub.folder("outbox/nordwind").resolve(orderResponse.path("document").path("fileName").asText());
        assertThat(payload(orderResponse)).isEqualTo(Files.readAllBytes(ordrsp));
        HttpResponse<byte[]> download = get(orderResponse.path("payload").asText() + "?download=true");
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/EDIFACT");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"" + ordrsp.getFileName() + "\"");
        assertThat(payload(step(acmeChain, "despatch-advice"))).isEqualTo(Files.readAllBytes(
                hub.folder("outbox/acme").resolve(step(acmeChain, "despatch-advice").path("document").path("fileName").asText())));

        // Resend the order response: a new interchange, the same messages, found by its own control number.
        String before = orderResponse.path("document").path("controlNumber").asText();
        HttpResponse<String> resent = hub.admin("POST", action(orderResponse, "resend"), null);
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(201);
        String after = JSON.readTree(resent.body()).path("controlNumber").asText();
        assertThat(after).isNotEqualTo(before);
        String again = Files.readString(hub.folder("outbox/nordwind").resolve(JSON.readTree(resent.body()).path("file").asText()),
                StandardCharsets.ISO_8859_1);
        assertThat(again).contains("+" + after + "++ORDRSP'").containsPattern("UNZ\\+2\\+" + after + "'")
                .isEqualTo(Files.readString(ordrsp, StandardCharsets.ISO_8859_1).replace("+" + before + "++ORDRSP'", "+" + after + "++ORDRSP'")
                        .replace("UNZ+2+" + before + "'", "UNZ+2+" + after + "'"));
        // It answers both orders of the interchange, as the first did.
        Awaitility.await("the resend tracked").atMost(Duration.ofSeconds(10)).until(() -> search("q=" + after).size() == 2);
        assertThat(search("q=" + after)).extracting(i -> i.path("itemId")).contains(nordwind.path("itemId"));
        JsonNode resentStep = steps(item(nordwind)).stream().filter(s -> after.equals(s.path("document").path("controlNumber").asText()))
                .findFirst().orElseThrow();
        assertThat(resentStep.path("document").path("resendOf").asText()).isEqualTo(before);

        // X12 too: a new ISA13 and GS06, the 855's sets as they were.
        JsonNode acmeResponse = step(acmeChain, "order-response");
        HttpResponse<String> acmeResent = hub.admin("POST", action(acmeResponse, "resend"), null);
        assertThat(acmeResent.statusCode()).as(acmeResent.body()).isEqualTo(201);
        String acmeAfter = JSON.readTree(acmeResent.body()).path("controlNumber").asText();
        assertThat(acmeAfter).matches("[0-9]{9}").isNotEqualTo(acmeResponse.path("document").path("controlNumber").asText());
        assertThat(Files.readString(hub.folder("outbox/acme").resolve(JSON.readTree(acmeResent.body()).path("file").asText())))
                .contains("*" + acmeAfter + "*0*P*>~").contains("IEA*1*" + acmeAfter + "~").contains("ST*855*");

        // An invoice resent is accounting's invoice again, marked as a duplicate.
        HttpResponse<String> invoiceAgain = hub.admin("POST", action(step(acmeChain, "invoice-sent"), "resend"), null);
        assertThat(invoiceAgain.statusCode()).as(invoiceAgain.body()).isEqualTo(201);
        assertThat(JSON.readTree(invoiceAgain.body()).path("duplicate").asBoolean()).isTrue();

        // A received document is not resent.
        assertThat(hub.admin("POST", "/admin/tracking/documents/" + step(acmeChain, "received").path("document").path("documentId").asLong()
                + "/resend", null).statusCode()).isEqualTo(409);
    }

    @Test
    void acknowledgementsNotBackWithinThePartnersWindowAreListedCountedAndReconciledOnArrival() throws Exception {
        List<Path> before = hub.listing("outbox/nordwind");
        hub.drop("customers/anna-edi-orders.edi", "nordwind-anna.edi");
        Path ordrsp = Awaitility.await("the order response").atMost(Duration.ofSeconds(20)).until(() -> hub.listing("outbox/nordwind").stream()
                .filter(p -> p.getFileName().toString().startsWith("ORDRSP-") && p.getFileName().toString().endsWith(".edi")
                        && !before.contains(p)).toList(), found -> found.size() == 1).get(0);
        String sent = ordrsp.getFileName().toString().replaceAll("^ORDRSP-NORDWIND-|\\.edi$", "");
        Awaitility.await("overdue").atMost(Duration.ofSeconds(15)).until(() -> controlNumbers(overdue("NORDWIND")).contains(sent));
        JsonNode overdue = overdue("NORDWIND");
        assertThat(overdue.path("documents")).allSatisfy(d -> assertThat(d.path("partner").asText()).isEqualTo("NORDWIND"));
        assertThat(overdue.path("byPartner").path("NORDWIND").asLong()).isEqualTo(overdue.path("count").asLong());
        assertThat(overdue("ACME").path("count").asLong()).as("Acme's window is a day").isZero();
        Awaitility.await("the gauge").atMost(Duration.ofSeconds(5)).until(() -> hub.get("/observe/metrics").body()
                .lines().anyMatch(line -> line.startsWith("hub_overdue_acknowledgements{") && line.contains("partner=\"NORDWIND\"")
                        && !line.trim().endsWith(" 0.0")));
        JsonNode order = only(search("q=NW-PO-9001"));
        Awaitility.await("overdue in the timeline").atMost(Duration.ofSeconds(10)).until(() -> step(item(order), "order-response")
                .path("acknowledgement").path("overdue").asBoolean());

        // Nordwind's CONTRL for that interchange arrives: it is reconciled, no longer overdue.
        String contrl = Files.readString(Samples.path("edifact/acknowledgements/contrl-from-nordwind.edi"), StandardCharsets.ISO_8859_1)
                .replace("UCI+1+", "UCI+" + sent + "+");
        hub.dropText(contrl, "contrl.edi");
        Awaitility.await("reconciled").atMost(Duration.ofSeconds(15)).until(() -> !controlNumbers(overdue("NORDWIND")).contains(sent));
        JsonNode acknowledged = step(item(order), "order-response").path("acknowledgement");
        assertThat(acknowledged.path("status").asText()).isEqualTo("accepted");
        assertThat(acknowledged.path("reconciledAt").asText()).isNotBlank();
        assertThat(acknowledged.path("interchange").asText()).isEqualTo("NW000000090");
        // The partner's CONTRL is a tracked document of its own; its control number leads to what it acknowledged.
        Awaitility.await("the CONTRL tracked").atMost(Duration.ofSeconds(10)).until(() -> step(item(order), "order-response")
                .path("acknowledgement").has("itemId"));
        JsonNode contrlItem = item(step(item(order), "order-response").path("acknowledgement").path("itemId").asText());
        assertThat(step(contrlItem, "received").path("document").path("documentType").asText()).isEqualTo("CONTRL");
        assertThat(search("q=NW000000090")).extracting(i -> i.path("itemId")).contains(order.path("itemId"));
        assertThat(hub.get("/admin/tracking/overdue-acknowledgements?limit=0").statusCode()).isEqualTo(400);
    }

    private static List<String> controlNumbers(JsonNode overdue) {
        List<String> numbers = new ArrayList<>();
        overdue.path("documents").forEach(d -> numbers.add(d.path("controlNumber").asText()));
        return numbers;
    }

    @Test
    void retentionRemovesOldDocumentsAndTheirPayloadsButNotThoseOfOpenFailures() throws Exception {
        hub.drop("xml/order.xml", "retention-order.xml");
        hub.dropText("not an order at all", "retention-junk.txt");
        Awaitility.await("tracked").atMost(Duration.ofSeconds(20)).until(() -> search("fileName=retention-order.xml").size() == 1
                && search("fileName=retention-junk.txt").size() == 1);
        JsonNode order = item(only(search("fileName=retention-order.xml")));
        String payload = step(order, "received").path("payload").asText();
        assertThat(get(payload).statusCode()).isEqualTo(200);
        try (Connection connection = hub.hubStore().getConnection()) {
            connection.createStatement().executeUpdate("UPDATE tracked_document SET created_at = TIMESTAMP '2020-01-01 00:00:00'"
                    + " WHERE file_name IN ('retention-order.xml', 'retention-junk.txt')");
        }

        HttpResponse<String> cleaned = hub.admin("POST", "/admin/tracking/retention", null);

        assertThat(cleaned.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(cleaned.body()).path("documents").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(search("fileName=retention-order.xml")).isEmpty();
        assertThat(get(payload).statusCode()).isEqualTo(404);
        // The refused file has an open failure: an operator still has to replay or discard it, so it stays.
        JsonNode junk = only(search("fileName=retention-junk.txt"));
        assertThat(junk.path("state").asText()).isEqualTo("error");
        JsonNode failure = step(item(junk), "failure");
        assertThat(failure.path("actions")).extracting(a -> a.path("action").asText()).containsExactly("replay", "discard");
        // The order's own records are the hub's, not tracking's: its chain still shows its booking.
        assertThat(steps(item(order)).stream().map(s -> s.path("kind").asText())).contains("booked");
    }

    @Test
    void queryParametersOutOfRangeAreRefusedAsInvalidRequests() {
        for (String query : List.of("limit=-1", "limit=501", "limit=ten", "from=yesterday", "from=2026-11-24&to=2026-11-23",
                "state=lost", "orderId=A&documentNumber=B", "q=" + "x".repeat(300))) {
            HttpResponse<String> response = hub.get("/admin/tracking?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).contains("urn:backoffice-hub:problem:invalid-request");
        }
        assertThat(hub.get("/admin/tracking/items/o-bm9uZQ").statusCode()).isEqualTo(404);
        assertThat(hub.get("/admin/tracking/items/nonsense").statusCode()).isEqualTo(404);
        assertThat(hub.get("/admin/tracking/payloads/" + "0".repeat(64)).statusCode()).isEqualTo(404);
        assertThat(hub.get("/admin/tracking/payloads/..%2F..%2Fadmin-password").statusCode()).isEqualTo(404);
        assertThat(hub.get("/admin/tracking?state=booked&from=2020-01-01&to=2099-12-31").statusCode()).isEqualTo(200);
    }

    private List<JsonNode> search(String query) throws Exception {
        HttpResponse<String> response = hub.get("/admin/tracking?" + encode(query));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(response.body()).path("items").forEach(items::add);
        return items;
    }

    private static String encode(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.split("&")) {
            String[] nameValue = pair.split("=", 2);
            encoded.append(encoded.length() == 0 ? "" : "&").append(nameValue[0]).append('=')
                    .append(URLEncoder.encode(nameValue[1], StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }

    private static JsonNode only(List<JsonNode> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private JsonNode item(JsonNode found) throws Exception {
        return item(found.path("itemId").asText());
    }

    private JsonNode item(String itemId) throws Exception {
        HttpResponse<String> response = hub.get("/admin/tracking/items/" + itemId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode awaitSteps(JsonNode found, String... kinds) {
        return Awaitility.await("the chain of " + found.path("orderId").asText()).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> item(found),
                        chain -> steps(chain).stream().map(s -> s.path("kind").asText()).toList().containsAll(List.of(kinds)));
    }

    private static List<JsonNode> steps(JsonNode item) {
        List<JsonNode> steps = new ArrayList<>();
        item.path("steps").forEach(steps::add);
        return steps;
    }

    private static JsonNode step(JsonNode item, String kind) {
        return steps(item).stream().filter(s -> s.path("kind").asText().equals(kind)).findFirst().orElseThrow(
                () -> new AssertionError("no step " + kind + " in " + item));
    }

    private static String action(JsonNode step, String name) {
        for (JsonNode action : step.path("actions")) {
            if (action.path("action").asText().equals(name)) {
                return action.path("href").asText();
            }
        }
        throw new AssertionError("no action " + name + " in " + step);
    }

    private JsonNode overdue(String partner) throws Exception {
        HttpResponse<String> response = hub.get("/admin/tracking/overdue-acknowledgements?partner=" + partner);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private byte[] payload(JsonNode step) throws Exception {
        HttpResponse<byte[]> response = get(step.path("payload").asText());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .header("Authorization", RunningHub.basic("admin", RunningHub.ADMIN_PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
