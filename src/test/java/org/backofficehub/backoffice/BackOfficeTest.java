package org.backofficehub.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.backofficehub.admin.AdminCli;
import org.backofficehub.support.CallbackReceiver;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The back office through the real daemon, as the acceptance describes it: accounting, web-store callbacks, shipments. */
class BackOfficeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private RunningHub hub;
    private CallbackReceiver receiver;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private void start(Map<String, String> more) {
        receiver = CallbackReceiver.start();
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "hub.webstore.callback-url", receiver.url(),
                "hub.outbound.poll-ms", "200",
                "hub.outbound.retry-delay-ms", "200",
                "hub.outbound.max-attempts", "3",
                "hub.shipments.poll-delay-ms", "300"));
        settings.putAll(more);
        hub = RunningHub.start(settings);
    }

    @Test
    void threeBookedOrdersMakeThreeValidInvoicesABalancedJournalNoticesStockAndShipments() throws Exception {
        start(Map.of("hub.accounting.journal-cron", "0/2 * * * * ?"));
        assertThat(hub.postJson("/api/orders", Samples.bytes("customers/anna-web-1.json")).statusCode()).isEqualTo(201);
        hub.drop("xml/order.xml", "order.xml");
        hub.drop("customers/anna-edi-orders.edi", "anna.edi");

        List<Path> invoices = Awaitility.await("three invoices").atMost(Duration.ofSeconds(20))
                .until(() -> accountingFiles(".xml"), found -> found.size() == 3);
        Schema schema = SchemaFactory.newDefaultInstance().newSchema(Path.of("src/main/resources/schema/invoice.xsd").toFile());
        BigDecimal invoicedGross = BigDecimal.ZERO;
        Set<String> invoiceNumbers = new HashSet<>();
        for (Path invoice : invoices) {
            schema.newValidator().validate(new StreamSource(invoice.toFile()));
            String xml = Files.readString(invoice);
            invoicedGross = invoicedGross.add(new BigDecimal(between(xml, "<gross>", "</gross>")));
            invoiceNumbers.add(between(xml, "<invoiceNumber>", "</invoiceNumber>"));
        }
        assertThat(invoiceNumbers).allMatch(n -> n.matches("INV-\\d{4}-\\d{6}"));

        // The journal schedule (every 2 s here) closes what was posted; together the journals hold every posting once.
        List<CSVRecord> postings = Awaitility.await("journal").atMost(Duration.ofSeconds(20))
                .until(this::journalRows, rows -> rows.size() == 9);
        BigDecimal debits = postings.stream().map(r -> new BigDecimal(r.get("debit"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = postings.stream().map(r -> new BigDecimal(r.get("credit"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(debits).isEqualByComparingTo(credits).isEqualByComparingTo(invoicedGross);
        assertThat(postings.stream().map(r -> r.get("invoice")).distinct()).containsExactlyInAnyOrderElementsOf(invoiceNumbers);

        Awaitility.await("notices").atMost(Duration.ofSeconds(20)).until(() -> receiver.notices("invoiced").size() == 3);
        assertThat(receiver.notices("booked")).extracting(n -> n.path("orderId").asText())
                .containsExactlyInAnyOrder("WEB-20001", "PO-77001", "NW-PO-9001");
        assertThat(receiver.notices("invoiced")).extracting(n -> n.path("invoiceNumber").asText())
                .containsExactlyInAnyOrderElementsOf(invoiceNumbers);
        JsonNode stock = receiver.notices("stock").get(0);
        assertThat(stock.path("items")).isNotEmpty();
        JsonNode item = stock.path("items").get(0);
        assertThat(item.path("available").decimalValue())
                .isEqualByComparingTo(item.path("onHand").decimalValue().subtract(item.path("allocated").decimalValue()));

        // The warehouse ships the web order and the partner's order: a shipped notice each, a DESADV for the partner.
        String webOrder = erpOrderNumber("WEBSTORE", "WEB-20001");
        String partnerOrder = erpOrderNumber("NORDWIND", "NW-PO-9001");
        assertThat(hub.admin("POST", "/admin/erp/shipments",
                "{\"erpOrderNumber\":\"" + webOrder + "\",\"carrier\":\"DHL\",\"trackingNumber\":\"00340434161234567890\"}").statusCode())
                .isEqualTo(201);
        assertThat(hub.admin("POST", "/admin/erp/shipments", "{\"erpOrderNumber\":\"" + partnerOrder + "\",\"carrier\":\"DB Schenker\"}")
                .statusCode()).isEqualTo(201);
        Awaitility.await("shipped notices").atMost(Duration.ofSeconds(20)).until(() -> receiver.notices("shipped").size() == 2);
        assertThat(receiver.notices("shipped")).anySatisfy(n -> {
            assertThat(n.path("orderId").asText()).isEqualTo("WEB-20001");
            assertThat(n.path("trackingNumber").asText()).isEqualTo("00340434161234567890");
        });
        Path desadv = hub.awaitSingle("outbox/nordwind", ".edi", "DESADV-");
        assertThat(Files.readString(desadv)).contains("DESADV").contains("NW-PO-9001");
        assertThat(hub.get("/api/orders/WEB-20001").body()).contains("SHIPPED");
        assertThat(hub.admin("POST", "/admin/erp/shipments", "{\"erpOrderNumber\":\"999999\",\"carrier\":\"DHL\"}").statusCode())
                .isEqualTo(404);

        // The ERP hands the same shipment rows out again (as after a crash before their flag was set): followed up once.
        try (var connection = hub.erp().getConnection()) {
            assertThat(connection.createStatement().executeUpdate("UPDATE SHPHDR SET SHXFER = 'N'")).isEqualTo(2);
        }
        Awaitility.await("taken again").atMost(Duration.ofSeconds(20))
                .until(() -> hub.erpNumber("SELECT COUNT(*) FROM SHPHDR WHERE SHXFER = 'Y'") == 2);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> receiver.notices("shipped").size() == 2);
        hub.awaitSingle("outbox/nordwind", ".edi", "DESADV-");

        // Every notice once, however the rounds fell.
        assertThat(receiver.noticeIds()).doesNotHaveDuplicates();
    }

    /** README "Tax rules", through the web store's API: the invoice's tax follows the ship-to country and the buyer's VAT id. */
    @Test
    void eachInvoiceIsTaxedByWhereTheGoodsGoAndWhoBuysThem() throws Exception {
        start(Map.of());
        post("TAX-DE", "DE", null);                  // at home: 19 %
        post("TAX-AT-B2B", "AT", "ATU 1234 5678");   // an Austrian business: intra-community supply, 0 %
        post("TAX-AT-B2C", "AT", null);              // an Austrian consumer: the domestic rate (no OSS rate configured)
        post("TAX-US", "US", null);                  // leaving the EU: export, 0 %

        List<Path> invoices = Awaitility.await("four invoices").atMost(Duration.ofSeconds(20))
                .until(() -> accountingFiles(".xml"), found -> found.size() == 4);
        Schema schema = SchemaFactory.newDefaultInstance().newSchema(Path.of("src/main/resources/schema/invoice.xsd").toFile());
        Map<String, String> byOrder = new java.util.HashMap<>();
        for (Path invoice : invoices) {
            schema.newValidator().validate(new StreamSource(invoice.toFile()));
            String xml = Files.readString(invoice);
            byOrder.put(between(xml, "<orderId>", "</orderId>"), xml);
        }
        // 3 x 6.50 + 1 x 18.40 = 37.90 net each.
        assertThat(byOrder.get("TAX-DE")).contains("<taxCategory>S</taxCategory>").contains("<tax>7.20</tax>").contains("<gross>45.10</gross>")
                .contains("<sellerVatId>DE999999999</sellerVatId>").doesNotContain("taxExemptionReason");
        assertThat(byOrder.get("TAX-AT-B2B")).contains("<taxCategory>K</taxCategory>").contains("<tax>0.00</tax>")
                .contains("<gross>37.90</gross>").contains("<vatId>ATU12345678</vatId>").contains("<sellerVatId>DE999999999</sellerVatId>")
                .contains("reverse charge");
        assertThat(byOrder.get("TAX-AT-B2C")).contains("<taxCategory>S</taxCategory>").contains("<tax>7.20</tax>");
        assertThat(byOrder.get("TAX-US")).contains("<taxCategory>G</taxCategory>").contains("<tax>0.00</tax>").contains("Article 146");
        Awaitility.await("invoiced notices").atMost(Duration.ofSeconds(20)).until(() -> receiver.notices("invoiced").size() == 4);
        assertThat(receiver.notices("invoiced")).filteredOn(n -> n.path("orderId").asText().equals("TAX-AT-B2B"))
                .singleElement().satisfies(n -> assertThat(n.path("gross").decimalValue()).isEqualByComparingTo("37.90"));
    }

    private void post(String orderId, String country, String vatId) {
        String body = """
                {"orderId":"%s","orderDate":"2026-11-23","currency":"EUR",
                 "customer":{"name":"Kaffee %s","email":"%s@example.com"%s,
                             "billingAddress":{"street":"Ring 1","city":"City","postalCode":"1010","country":"%s"}},
                 "lines":[{"sku":"SKU-1001","quantity":3,"unitPrice":6.50},{"sku":"SKU-2001","quantity":1,"unitPrice":18.40}]}"""
                .formatted(orderId, country, orderId.toLowerCase(java.util.Locale.ROOT), vatId == null ? "" : ",\"vatId\":\"" + vatId + "\"",
                        country);
        HttpResponse<String> response = hub.postJson("/api/orders", body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** Issue 21, 9: the same shipment recorded by API and then by CLI gave two shipments and two shipped notices. */
    @Test
    void aParcelIsOneShipmentByApiByCommandLineAndWhenTheWarehouseWritesItTwice() throws Exception {
        start(Map.of());
        assertThat(hub.postJson("/api/orders", Samples.bytes("webstore/order.json")).statusCode()).isEqualTo(201);
        String order = erpOrderNumber("WEBSTORE", "WEB-10001");
        String parcel = "{\"erpOrderNumber\":\"" + order + "\",\"carrier\":\"DHL\",\"trackingNumber\":\"00340434161234567890\"}";

        HttpResponse<String> recorded = hub.admin("POST", "/admin/erp/shipments", parcel);
        assertThat(recorded.statusCode()).isEqualTo(201);
        long shipmentNumber = JSON.readTree(recorded.body()).path("shipmentNumber").asLong();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = new AdminCli(URI.create(hub.baseUrl()), "admin", RunningHub.ADMIN_PASSWORD, new PrintStream(output, true))
                .execute(List.of("ship", order, "DHL", "00340434161234567890"));
        assertThat(exit).isZero();
        JsonNode shown = JSON.readTree(output.toString(StandardCharsets.UTF_8));
        assertThat(shown.path("shipmentNumber").asLong()).isEqualTo(shipmentNumber);
        assertThat(shown.path("alreadyRecorded").asBoolean()).isTrue();
        HttpResponse<String> again = hub.admin("POST", "/admin/erp/shipments", parcel);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM SHPHDR WHERE SHORNO = " + order)).as("one shipment in the ERP").isEqualTo(1);

        // The warehouse itself writes the parcel a second time: taken, and followed up no more.
        try (var connection = hub.erp().getConnection()) {
            connection.createStatement().executeUpdate("INSERT INTO SHPHDR (SHORNO, SHCARR, SHTRCK, SHSHDT, SHCRTS) VALUES ("
                    + order + ", 'DHL', '00340434161234567890', CURRENT_DATE, CURRENT_TIMESTAMP)");
        }
        Awaitility.await("both rows taken").atMost(Duration.ofSeconds(20))
                .until(() -> hub.erpNumber("SELECT COUNT(*) FROM SHPHDR WHERE SHXFER = 'Y'") == 2);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> receiver.notices("shipped").size() == 1);
        assertThat(receiver.notices("shipped").get(0).path("trackingNumber").asText()).isEqualTo("00340434161234567890");

        // Another parcel of the same order is another shipment.
        assertThat(hub.admin("POST", "/admin/erp/shipments", parcel.replace("00340434161234567890", "00340434161234567891")).statusCode())
                .isEqualTo(201);
        Awaitility.await("second parcel").atMost(Duration.ofSeconds(20)).until(() -> receiver.notices("shipped").size() == 2);
    }

    @Test
    void aWebStoreThatIsDownGetsRetriesThenAReplayableFailureAndTheOrderStaysBooked() throws Exception {
        start(Map.of());
        receiver.stop();
        assertThat(hub.postJson("/api/orders", Samples.bytes("webstore/order.json")).statusCode()).isEqualTo(201);

        List<JsonNode> failures = Awaitility.await("failures after the retries").atMost(Duration.ofSeconds(30))
                .until(this::openNoticeFailures, found -> found.size() == 3);
        assertThat(failures).allSatisfy(f -> {
            assertThat(f.path("routeId").asText()).isEqualTo("webstore-notices");
            assertThat(f.path("reason").asText()).contains("3 attempts");
        });
        assertThat(hub.get("/api/orders/WEB-10001").body()).as("the order itself stays booked").contains("\"status\":\"BOOKED\"");
        assertThat(receiver.notices()).isEmpty();

        receiver.restart();
        for (JsonNode failure : failures) {
            assertThat(hub.admin("POST", "/admin/failures/" + failure.path("id").asLong() + "/replay", null).statusCode()).isEqualTo(200);
        }
        Awaitility.await("replayed notices").atMost(Duration.ofSeconds(20)).until(() -> receiver.notices().size() == 3);
        assertThat(receiver.notices()).extracting(n -> n.path("event").asText()).containsExactlyInAnyOrder("booked", "invoiced", "stock");
        Thread.sleep(1000); // a further round must not deliver anything again
        assertThat(receiver.noticeIds()).hasSize(3).doesNotHaveDuplicates();
        assertThat(openNoticeFailures()).isEmpty();
    }

    @Test
    void inBatchModeNoticesWaitForTheScheduleOrRunNow() throws Exception {
        start(Map.of());
        assertThat(hub.admin("PUT", "/admin/routes/webstore-notices/mode", "{\"mode\":\"batch\",\"cron\":\"0 0 3 * * ?\"}").statusCode())
                .isEqualTo(200);
        assertThat(hub.postJson("/api/orders", Samples.bytes("webstore/order.json")).statusCode()).isEqualTo(201);
        hub.awaitSingle("accounting", ".xml");
        Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> receiver.notices().isEmpty());

        JsonNode run = JSON.readTree(hub.admin("POST", "/admin/routes/webstore-notices/run", null).body());
        assertThat(run.path("delivered").asInt()).isEqualTo(3);
        assertThat(receiver.notices()).extracting(n -> n.path("event").asText()).containsExactlyInAnyOrder("booked", "invoiced", "stock");
    }

    private List<JsonNode> openNoticeFailures() throws IOException {
        List<JsonNode> open = new ArrayList<>();
        JSON.readTree(hub.admin("GET", "/admin/failures?state=open", null).body()).forEach(f -> {
            if ("outbound-message".equals(f.path("kind").asText())) {
                open.add(f);
            }
        });
        return open;
    }

    private String erpOrderNumber(String source, String orderId) throws IOException {
        JsonNode found = JSON.readTree(hub.get("/api/orders?source=" + source + "&orderId=" + orderId).body());
        return (found.isArray() ? found.get(0) : found).path("erpOrderNumber").asText();
    }

    private List<Path> accountingFiles(String suffix) throws IOException {
        return hub.listing("accounting").stream().filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
    }

    private List<CSVRecord> journalRows() throws IOException {
        List<CSVRecord> rows = new ArrayList<>();
        for (Path journal : accountingFiles(".csv")) {
            try (Reader reader = Files.newBufferedReader(journal)) {
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).forEach(rows::add);
            }
        }
        return rows;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

}
