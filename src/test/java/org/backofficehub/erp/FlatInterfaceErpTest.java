package org.backofficehub.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.backofficehub.support.CallbackReceiver;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.backofficehub.support.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The second ERP layout, config/erp/flat-interface.properties, through the whole daemon on H2 and on
 * a real PostgreSQL server, with no Java of its own: orders from the web store and from a partner's
 * EDI file go into the one interface table once, answered with the hub's reference; the ERP's
 * import job (played here with plain SQL, as the ERP would run it) numbers them, and the hub's
 * poll takes the number into its booking record, its lookups and a confirmed notice; a refused
 * order leaves no interface row; the ERP's own deliveries are followed up as shipments.
 */
class FlatInterfaceErpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void ordersGoIntoTheInterfaceTableOnceAndTakeTheNumberTheErpsImportGivesThem(TestDatabase database) throws Exception {
        try (CallbackReceiver webStore = CallbackReceiver.start();
             RunningHub hub = RunningHub.start(Map.of(
                     "hub.erp.profile", "flat-interface",
                     "hub.erp.url", database.newDatabaseUrl("flat_erp"),
                     "hub.erp.user", database.user(),
                     "hub.store.url", database.newDatabaseUrl("flat_hub"),
                     "hub.store.user", database.user(),
                     "hub.webstore.callback-url", webStore.url(),
                     "hub.outbound.poll-ms", "200",
                     "hub.confirmations.poll-delay-ms", "200",
                     "hub.shipments.poll-delay-ms", "200"))) {

            // The README's web order: two interface rows, the header on each, answered with the hub's reference.
            HttpResponse<String> created = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));
            assertThat(created.statusCode()).isEqualTo(201);
            String reference = JSON.readTree(created.body()).path("erpOrderNumber").asText();
            assertThat(reference).startsWith("IMP-");
            HttpResponse<String> again = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).path("erpOrderNumber").asText()).isEqualTo(reference);
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT")).as("booked once").isEqualTo(2);
            try (Connection c = hub.erp().getConnection(); Statement s = c.createStatement();
                 ResultSet row = s.executeQuery("SELECT SOLD_TO_NAME, SHIP_TO_NAME, ARTICLE_TEXT, ORDER_QTY, ORDER_VALUE, IMPORT_STATUS"
                         + " FROM SALES_ORDER_IMPORT WHERE CUSTOMER_PO = 'WEB-10001' AND PO_LINE = 2")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("Anna Müller");
                assertThat(row.getString(2)).isEqualTo("Anna Müller c/o Kaffeehaus Mitte");
                assertThat(row.getString(3)).as("the article's text where the line sends none").isEqualTo("Coffee beans, house blend, 1 kg");
                assertThat(row.getBigDecimal(4)).isEqualByComparingTo("2");
                assertThat(row.getBigDecimal(5)).isEqualByComparingTo("75.80");
                assertThat(row.getString(6)).isEqualTo("N");
            }
            assertThat(decimal(hub, "SELECT QTY_PROMISED FROM ARTICLE_STOCK WHERE ARTICLE_NO = 'SKU-1001'")).isEqualByComparingTo("6");

            // An EDI interchange (two NORDWIND orders) and the XML order, from the inbox; the same file again books nothing.
            hub.drop("edifact/orders-d96a-eancom.edi", "nordwind.edi");
            hub.drop("xml/order.xml", "order.xml");
            hub.awaitSingle("done", "_nordwind.edi");
            hub.awaitSingle("done", "_order.xml");
            int partnerRows = hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT WHERE SOURCE_SYSTEM = 'NORDWIND'");
            assertThat(partnerRows).isPositive();
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT WHERE SOURCE_SYSTEM = 'NORDWIND' AND CUSTOMER_PO = 'NW-PO-4711'"
                    + " AND SALES_UNIT = 'KGM' AND SOLD_TO_GLN = '4012345000016'")).as("the unit and the buyer's GLN as ordered").isEqualTo(1);
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT WHERE CUSTOMER_PO = 'PO-77001'")).isEqualTo(3);
            hub.drop("edifact/orders-d96a-eancom.edi", "nordwind-again.edi");
            hub.awaitSingle("error", "_nordwind-again.edi");
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT WHERE SOURCE_SYSTEM = 'NORDWIND'")).isEqualTo(partnerRows);

            // Looked up before the import: the hub's reference, booked.
            JsonNode pending = JSON.readTree(hub.get("/api/orders/WEB-10001").body());
            assertThat(pending.path("erpOrderNumber").asText()).isEqualTo(reference);
            assertThat(pending.path("status").asText()).isEqualTo("BOOKED");

            // The ERP's import job numbers the web order and refuses one of the partner's.
            erp(hub, "UPDATE SALES_ORDER_IMPORT SET IMPORT_STATUS = 'D', ERP_ORDER_NO = 'SO-2026-0815'"
                    + " WHERE SOURCE_SYSTEM = 'WEBSTORE' AND CUSTOMER_PO = 'WEB-10001'");
            erp(hub, "UPDATE SALES_ORDER_IMPORT SET IMPORT_STATUS = 'E', IMPORT_MESSAGE = 'Customer 4012345000016 is blocked'"
                    + " WHERE SOURCE_SYSTEM = 'NORDWIND' AND CUSTOMER_PO = 'NW-PO-4712'");

            Awaitility.await("the import's outcome taken").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT WHERE HUB_TAKEN = 'Y'")
                            == hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT WHERE IMPORT_STATUS <> 'N'"));
            assertThat(JSON.readTree(hub.get("/api/orders/WEB-10001").body()).path("erpOrderNumber").asText()).isEqualTo("SO-2026-0815");
            HttpResponse<String> afterImport = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));
            assertThat(JSON.readTree(afterImport.body()).path("erpOrderNumber").asText()).as("the booking record has the ERP's number")
                    .isEqualTo("SO-2026-0815");
            assertThat(JSON.readTree(hub.get("/api/orders?source=NORDWIND&orderId=NW-PO-4712").body()).path(0).path("status").asText())
                    .isEqualTo("CANCELLED");
            Awaitility.await("confirmed and rejected notices").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> webStore.notices("confirmed").size() == 1 && webStore.notices("rejected").size() == 1);
            assertThat(webStore.notices("confirmed").get(0).path("erpOrderNumber").asText()).isEqualTo("SO-2026-0815");
            assertThat(webStore.notices("rejected").get(0).path("reason").asText())
                    .isEqualTo("The ERP refused the order: Customer 4012345000016 is blocked");

            // Refused by the hub: nothing in the interface, no stock promised.
            BigDecimal promised = decimal(hub, "SELECT SUM(QTY_PROMISED) FROM ARTICLE_STOCK");
            assertThat(hub.postJson("/api/orders", Samples.bytes("webstore/invalid/unknown-sku.json")).statusCode()).isEqualTo(422);
            HttpResponse<String> shortOfStock = hub.postJson("/api/orders", Samples.bytes("webstore/invalid/insufficient-stock.json"));
            assertThat(shortOfStock.statusCode()).isEqualTo(422);
            assertThat(shortOfStock.body()).contains("insufficient-stock").contains("SKU SKU-9001: ordered 50, available 2");
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT WHERE CUSTOMER_PO IN ('WEB-BAD-3', 'WEB-BAD-4')")).isZero();
            assertThat(decimal(hub, "SELECT SUM(QTY_PROMISED) FROM ARTICLE_STOCK")).isEqualByComparingTo(promised);

            // The ERP's warehouse delivers: the hub follows the delivery up as a shipment of the ERP's order.
            erp(hub, "INSERT INTO DELIVERY (ERP_ORDER_NO, CARRIER, TRACKING_NO, SHIP_DATE) VALUES ('SO-2026-0815', 'DHL', '00340434161234567890',"
                    + " DATE '2026-11-25')");
            Awaitility.await("shipped notice").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> webStore.notices("shipped").size() == 1);
            assertThat(webStore.notices("shipped").get(0).path("erpOrderNumber").asText()).isEqualTo("SO-2026-0815");
            assertThat(JSON.readTree(hub.get("/api/orders/WEB-10001").body()).path("status").asText()).isEqualTo("SHIPPED");
        }
    }

    /**
     * The ERP committed an order but the hub's store failed before recording it as booked (its
     * claim still CLAIMED), or lost it: the ERP's outcome must stay untaken, not be marked taken
     * and dropped, until the hub can follow it up. An outcome for a source the hub never booked
     * for (the ERP's own sales desk) is taken and left alone.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOutcomeForAnOrderTheHubHasNotRecordedAsBookedStaysUntakenUntilItHas(TestDatabase database) throws Exception {
        try (CallbackReceiver webStore = CallbackReceiver.start();
             RunningHub hub = RunningHub.start(Map.of(
                     "hub.erp.profile", "flat-interface",
                     "hub.erp.url", database.newDatabaseUrl("flat_erp"),
                     "hub.erp.user", database.user(),
                     "hub.store.url", database.newDatabaseUrl("flat_hub"),
                     "hub.store.user", database.user(),
                     "hub.webstore.callback-url", webStore.url(),
                     "hub.outbound.poll-ms", "200",
                     "hub.confirmations.poll-delay-ms", "200"))) {
            assertThat(hub.postJson("/api/orders", Samples.bytes("webstore/order.json")).statusCode()).isEqualTo(201);
            interfaceRow(hub, "WEBSTORE", "WEB-CRASH", "SO-2026-0901");
            interfaceRow(hub, "WEBSTORE", "WEB-LOST", "SO-2026-0902");
            interfaceRow(hub, "SALESDESK", "SD-1", "SO-2026-0903");
            hubStore(hub, "INSERT INTO order_booking (source, order_id, state, claimed_at) VALUES ('WEBSTORE', 'WEB-CRASH', 'CLAIMED',"
                    + " CURRENT_TIMESTAMP)");

            Awaitility.await("the sales desk's outcome taken").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT WHERE CUSTOMER_PO = 'SD-1' AND HUB_TAKEN = 'Y'") == 1);
            Thread.sleep(1000); // five more polls
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT WHERE CUSTOMER_PO IN ('WEB-CRASH', 'WEB-LOST')"
                    + " AND HUB_TAKEN = 'N'")).as("outcomes the hub cannot follow up yet stay untaken").isEqualTo(2);

            // The hub's booking is recorded (the booking's retry, or an operator): the next poll follows it up.
            hubStore(hub, "UPDATE order_booking SET state = 'BOOKED', erp_order_no = 'IMP-99', booked_at = CURRENT_TIMESTAMP"
                    + " WHERE source = 'WEBSTORE' AND order_id = 'WEB-CRASH'");
            Awaitility.await("the crashed booking's outcome taken").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT WHERE CUSTOMER_PO = 'WEB-CRASH' AND HUB_TAKEN = 'Y'") == 1);
            Awaitility.await("confirmed notice").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> webStore.notices("confirmed").size() == 1);
            assertThat(webStore.notices("confirmed").get(0).path("erpOrderNumber").asText()).isEqualTo("SO-2026-0901");
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT WHERE CUSTOMER_PO = 'WEB-LOST' AND HUB_TAKEN = 'N'")).isEqualTo(1);
        }
    }

    /**
     * The ERP's import refuses an order after the hub booked it: the hub tells the web store, gives
     * the booking up, and the sender's corrected order under the same reference books anew (new
     * interface rows beside the refused ones) instead of being answered "booked before".
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOrderTheErpRefusesCanBeSentAgainUnderTheSameReference(TestDatabase database) throws Exception {
        try (CallbackReceiver webStore = CallbackReceiver.start();
             RunningHub hub = RunningHub.start(Map.of(
                     "hub.erp.profile", "flat-interface",
                     "hub.erp.url", database.newDatabaseUrl("flat_erp"),
                     "hub.erp.user", database.user(),
                     "hub.store.url", database.newDatabaseUrl("flat_hub"),
                     "hub.store.user", database.user(),
                     "hub.webstore.callback-url", webStore.url(),
                     "hub.outbound.poll-ms", "200",
                     "hub.confirmations.poll-delay-ms", "200"))) {
            HttpResponse<String> first = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));
            assertThat(first.statusCode()).isEqualTo(201);
            String firstReference = JSON.readTree(first.body()).path("erpOrderNumber").asText();
            erp(hub, "UPDATE SALES_ORDER_IMPORT SET IMPORT_STATUS = 'E', IMPORT_MESSAGE = 'Ship-to address incomplete'"
                    + " WHERE CUSTOMER_PO = 'WEB-10001'");
            Awaitility.await("rejected notice").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> webStore.notices("rejected").size() == 1);
            Awaitility.await("the refusal taken").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT WHERE HUB_TAKEN = 'Y'") == 2);

            HttpResponse<String> again = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));
            assertThat(again.statusCode()).as("booked anew, not 'booked before'").isEqualTo(201);
            String secondReference = JSON.readTree(again.body()).path("erpOrderNumber").asText();
            assertThat(secondReference).startsWith("IMP-").isNotEqualTo(firstReference);
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM SALES_ORDER_IMPORT WHERE CUSTOMER_PO = 'WEB-10001' AND IMPORT_STATUS = 'N'"))
                    .isEqualTo(2);
            JsonNode resent = JSON.readTree(hub.get("/api/orders/WEB-10001").body());
            assertThat(resent.path("erpOrderNumber").asText()).isEqualTo(secondReference);
            assertThat(resent.path("status").asText()).isEqualTo("BOOKED");
            assertThat(resent.path("lines").size()).as("the new attempt's lines only").isEqualTo(2);

            // Refused a second time: a second rejected notice, not "taken before".
            erp(hub, "UPDATE SALES_ORDER_IMPORT SET IMPORT_STATUS = 'E', IMPORT_MESSAGE = 'Ship-to address incomplete'"
                    + " WHERE CUSTOMER_PO = 'WEB-10001' AND IMPORT_STATUS = 'N'");
            Awaitility.await("second rejected notice").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> webStore.notices("rejected").size() == 2);
        }
    }

    /** One interface line as if the hub had written it, already numbered by the ERP's import job. */
    private static void interfaceRow(RunningHub hub, String source, String po, String erpOrderNumber) throws SQLException {
        erp(hub, "INSERT INTO SALES_ORDER_IMPORT (SOURCE_SYSTEM, CUSTOMER_PO, PO_LINE, PO_DATE, CURRENCY_CODE, SOLD_TO_NAME, ARTICLE_NO,"
                + " ORDER_QTY, NET_PRICE, LINE_VALUE, ORDER_VALUE, RECEIVED_AT, IMPORT_STATUS, ERP_ORDER_NO) VALUES ('" + source + "', '"
                + po + "', 1, DATE '2026-11-23', 'EUR', 'Test Buyer', 'SKU-1001', 1, 6.50, 6.50, 6.50, CURRENT_TIMESTAMP, 'D', '"
                + erpOrderNumber + "')");
    }

    private static void hubStore(RunningHub hub, String sql) throws SQLException {
        try (Connection c = hub.hubStore().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static void erp(RunningHub hub, String sql) throws SQLException {
        try (Connection c = hub.erp().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static BigDecimal decimal(RunningHub hub, String sql) throws SQLException {
        try (Connection c = hub.erp().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}
