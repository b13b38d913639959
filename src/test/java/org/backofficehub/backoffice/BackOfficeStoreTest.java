package org.backofficehub.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.awaitility.Awaitility;
import org.backofficehub.accounting.ChartOfAccounts;
import org.backofficehub.accounting.InvoiceCalculation;
import org.backofficehub.accounting.InvoiceNumbers;
import org.backofficehub.accounting.Invoicing;
import org.backofficehub.accounting.JournalClosing;
import org.backofficehub.accounting.xml.InvoiceXml;
import org.backofficehub.batch.DrainWindow;
import org.backofficehub.customer.CustomerFeed;
import org.backofficehub.customer.OrderContacts;
import org.backofficehub.customer.Origin;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.modes.RouteActivity;
import org.backofficehub.outbound.OutboundDeliveries;
import org.backofficehub.outbound.OutboundMessage;
import org.backofficehub.outbound.OutboundMessages;
import org.backofficehub.outbound.RetryPolicy;
import org.backofficehub.batch.DrainRuns;
import org.backofficehub.store.FailureLog;
import org.backofficehub.support.RouteFiles;
import org.backofficehub.support.TestDatabase;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Invoicing, ledger, journal and the outbound queue in the hub store, on H2 and a real PostgreSQL,
 * as the follow-up and delivery routes run them (routes/order-follow-up.camel.yaml,
 * routes/deliveries.camel.yaml): one invoice per order however often its booking is reported,
 * gapless numbers under concurrent consumers, a balanced journal that takes each posting once,
 * retries then a replayable failure.
 */
class BackOfficeStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final DrainWindow drains = new DrainWindow();
    private HikariDataSource hubStore;
    private CamelContext camel;

    @AfterEach
    void close() throws Exception {
        if (camel != null) {
            camel.close();
        }
        hubStore.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyBookedOrderGetsOneInvoiceBalancedPostingsAndItsNoticesHoweverOftenItIsReported(TestDatabase database) throws Exception {
        hubStore = database.newMigratedDataSource("hub", "db/hub");
        OrderEvents events = new OrderEvents(hubStore, json, CLOCK);
        OutboundMessages outbound = new OutboundMessages(hubStore, CLOCK);
        startFollowUp(events, outbound, 500);
        List<OrderEvent> booked = List.of(
                OrderEvent.booked(TestOrders.order("WEB-1", "SKU-1001", 2), "100001"),
                OrderEvent.booked(TestOrders.order("WEB-2", "SKU-1002", 3), "100002"),
                OrderEvent.booked(TestOrders.order("WEB-3", "SKU-1001", 1), "100003"));
        events.enqueue(booked);
        awaitFollowedUp(events);
        events.enqueue(booked);
        awaitFollowedUp(events);

        assertThat(strings("SELECT invoice_number FROM invoice ORDER BY invoice_number"))
                .containsExactly("INV-2026-000001", "INV-2026-000002", "INV-2026-000003");
        assertThat(number("SELECT SUM(debit) - SUM(credit) FROM ledger_posting")).isEqualByComparingTo("0");
        // 2 x 6.50 = 13.00 net, 2.47 tax, 15.47 gross: tax is rounded once, on the net total.
        assertThat(number("SELECT gross_total FROM invoice WHERE order_id = 'WEB-1'")).isEqualByComparingTo("15.47");
        assertThat(number("SELECT SUM(debit) FROM ledger_posting WHERE account = '1400'"))
                .isEqualByComparingTo(number("SELECT SUM(gross_total) FROM invoice"));
        assertThat(kinds("accounting-export")).containsOnly(Map.entry("invoice", 3L));
        assertThat(kinds("webstore-notices")).containsOnly(Map.entry("booked", 6L), Map.entry("invoiced", 3L), Map.entry("stock", 2L));
        assertThat(number("SELECT COUNT(*) FROM customer_inbox WHERE touch LIKE '%\"kind\":\"invoice\"%'"))
                .as("invoices in the customers' history").isEqualByComparingTo("3");
        // Reported twice, so twice in the feed: the customer master records each order once, by its event key.
        assertThat(number("SELECT COUNT(*) FROM customer_inbox WHERE touch LIKE '%\"kind\":\"order\"%'"))
                .as("orders in the customers' history, booked when the booking committed").isEqualByComparingTo("6");
        assertThat(events.pending()).isZero();

        assertThat(strings("SELECT invoice_number FROM invoice ORDER BY invoice_number")).as("a booking reported again is not invoiced again")
                .hasSize(3);

        JournalClosing journal = new JournalClosing(hubStore, outbound, CLOCK);
        JournalClosing.Closed closed = journal.close("accounting-export");
        assertThat(closed.postings()).isEqualTo(9);
        assertThat(closed.debits()).isEqualByComparingTo(closed.credits()).isEqualByComparingTo(number("SELECT SUM(gross_total) FROM invoice"));
        assertThat(journal.close("accounting-export")).as("no postings since: no journal").isEqualTo(JournalClosing.Closed.NONE);
        events.enqueue(List.of(OrderEvent.booked(TestOrders.order("WEB-4", "SKU-1001", 1), "100004")));
        awaitFollowedUp(events);
        assertThat(journal.close("accounting-export").postings()).as("the next journal has only the new postings").isEqualTo(3);
        assertThat(kinds("accounting-export")).containsOnly(Map.entry("invoice", 4L), Map.entry("journal", 2L));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void followUpWaitsWhileADrainRunsAndCatchesUpAfterwards(TestDatabase database) throws Exception {
        hubStore = database.newMigratedDataSource("hub", "db/hub");
        OrderEvents events = new OrderEvents(hubStore, json, CLOCK);
        startFollowUp(events, new OutboundMessages(hubStore, CLOCK), 500);

        try (DrainWindow.Held drain = drains.open()) {
            events.enqueue(List.of(OrderEvent.booked(TestOrders.order("WEB-1", "SKU-1001", 2), "100001")));
            Awaitility.await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(events.pending()).isEqualTo(1));
            assertThat(number("SELECT COUNT(*) FROM invoice")).isEqualByComparingTo("0");
        }

        awaitFollowedUp(events);
        assertThat(number("SELECT COUNT(*) FROM invoice")).isEqualByComparingTo("1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void invoiceNumbersStayGaplessAndUniqueUnderConcurrentConsumers(TestDatabase database) throws Exception {
        hubStore = database.newMigratedDataSource("hub", "db/hub");
        OrderEvents events = new OrderEvents(hubStore, json, CLOCK);
        OutboundMessages outbound = new OutboundMessages(hubStore, CLOCK);
        List<OrderEvent> booked = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            booked.add(OrderEvent.booked(TestOrders.order("WEB-" + i, "SKU-1001", 1), Integer.toString(100000 + i)));
        }
        startFollowUp(events, outbound, 7);
        ProducerTemplate producer = camel.createProducerTemplate();
        events.enqueue(booked);
        ExecutorService consumers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> work = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                work.add(consumers.submit(() -> {
                    int done = 0;
                    // A consumer that loses a race on an event or the sequence row rolls back and tries again.
                    while (events.pending() > 0) {
                        try {
                            done += producer.requestBody("direct:follow-up-events", 7, Integer.class);
                        } catch (RuntimeException lostRace) {
                            Thread.onSpinWait();
                        }
                    }
                    return done;
                }));
            }
            for (Future<Integer> done : work) {
                done.get();
            }
        } finally {
            consumers.shutdownNow();
        }
        List<String> numbers = strings("SELECT invoice_number FROM invoice ORDER BY invoice_number");
        assertThat(numbers).hasSize(200).doesNotHaveDuplicates();
        assertThat(numbers.get(0)).isEqualTo("INV-2026-000001");
        assertThat(numbers.get(199)).as("no gaps").isEqualTo("INV-2026-000200");
        assertThat(number("SELECT COUNT(DISTINCT order_id) FROM invoice")).isEqualByComparingTo("200");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeliveryThatKeepsFailingBecomesAFailureAndIsDeliveredOnceWhenReplayed(TestDatabase database) throws Exception {
        hubStore = database.newMigratedDataSource("hub", "db/hub");
        OutboundMessages outbound = new OutboundMessages(hubStore, CLOCK);
        FailureLog failures = new FailureLog(hubStore, CLOCK);
        List<String> received = new CopyOnWriteArrayList<>();
        boolean[] receiverUp = {false};
        OutboundDeliveries deliveries = new OutboundDeliveries(outbound, failures, new RetryPolicy(3, Duration.ZERO, Duration.ZERO),
                new DrainRuns(hubStore, CLOCK));
        camel = RouteFiles.start(Map.of("outboundDeliveries", deliveries, "routeActivity", new RouteActivity()),
                "deliveries.camel.yaml", "hub-errors.camel.yaml");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:receiver").process(exchange -> {
                    if (!receiverUp[0]) {
                        throw new java.net.ConnectException("Connection refused");
                    }
                    exchange.getMessage().getBody(List.class).forEach(m -> received.add(((OutboundMessage) m).name()));
                });
            }
        });
        TemplatedRouteBuilder.builder(camel, "delivery").routeId("webstore-notices").parameter("routeId", "webstore-notices")
                .parameter("deliverTo", "direct:receiver").add();
        Runnable deliverDue = () -> camel.createProducerTemplate().sendBodyAndHeader("direct:drain-webstore-notices", null,
                "hubDrainScheduled", false);
        outbound.enqueue(List.of(OutboundMessage.of("webstore-notices", "booked", "booked:WEBSTORE:WEB-1", "{}".getBytes())));

        for (int attempt = 0; attempt < 5; attempt++) {
            deliverDue.run();
        }
        List<FailureLog.Failure> open = failures.list(FailureLog.OPEN, 10);
        assertThat(open).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(OutboundDeliveries.FAILURE_KIND);
            assertThat(failure.reason()).contains("3 attempts").contains("Connection refused");
        });
        assertThat(number("SELECT attempts FROM outbound_message")).as("no attempt after the last").isEqualByComparingTo("3");

        receiverUp[0] = true;
        deliverDue.run();
        assertThat(received).as("a failed message waits for the replay").isEmpty();
        assertThat(outbound.reopenFailure(open.get(0).id())).isTrue();
        assertThat(outbound.reopenFailure(open.get(0).id())).as("replayed once").isFalse();
        deliverDue.run();
        deliverDue.run();
        assertThat(received).containsExactly("booked:WEBSTORE:WEB-1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void markedEachDeliveryIsRecordedDeliveredBeforeTheNextBegins(TestDatabase database) throws Exception {
        hubStore = database.newMigratedDataSource("hub", "db/hub");
        OutboundMessages outbound = new OutboundMessages(hubStore, CLOCK);
        OutboundDeliveries deliveries = new OutboundDeliveries(outbound, new FailureLog(hubStore, CLOCK),
                new RetryPolicy(3, Duration.ZERO, Duration.ZERO), new DrainRuns(hubStore, CLOCK));
        camel = RouteFiles.start(Map.of("outboundDeliveries", deliveries, "routeActivity", new RouteActivity()),
                "deliveries.camel.yaml", "hub-errors.camel.yaml");
        // What the store says was delivered when each delivery reaches the receiver: a crash there
        // would deliver again only what is not recorded.
        List<Long> deliveredBefore = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:receiver").process(exchange -> deliveredBefore.add(
                        number("SELECT COUNT(*) FROM outbound_message WHERE state = 'delivered'").longValue()));
            }
        });
        TemplatedRouteBuilder.builder(camel, "delivery").routeId("partner-documents").parameter("routeId", "partner-documents")
                .parameter("deliverTo", "direct:receiver").parameter("markEach", "true").add();
        outbound.enqueue(List.of(
                OutboundMessage.of("partner-documents", "partner-invoice", "INVOIC A-1", "{}".getBytes()),
                OutboundMessage.of("partner-documents", "partner-invoice", "INVOIC A-2", "{}".getBytes()),
                OutboundMessage.of("partner-documents", "partner-invoice", "INVOIC A-3", "{}".getBytes())));

        camel.createProducerTemplate().sendBodyAndHeader("direct:drain-partner-documents", null, "hubDrainScheduled", false);

        assertThat(deliveredBefore).containsExactly(0L, 1L, 2L);
        assertThat(number("SELECT COUNT(*) FROM outbound_message WHERE state = 'delivered'")).isEqualByComparingTo("3");
    }

    /** The follow-up routes with their beans, polling the queue every 100 ms. */
    private void startFollowUp(OrderEvents events, OutboundMessages outbound, int batchSize) {
        Invoicing invoicing = new Invoicing(new InvoiceNumbers("INV-{yyyy}-", 6), new InvoiceCalculation(org.backofficehub.support.TestTaxRules.GERMANY),
                new ChartOfAccounts("1400", "8400", "1776"), ZoneId.of("Europe/Berlin"), CLOCK);
        // Only the feed's enqueue is used here: touches go to customer_inbox in the follow-up's transaction.
        CustomerFeed customers = new CustomerFeed(hubStore, null, json, 100, CLOCK, () -> false);
        OrderFollowUp followUp = new OrderFollowUp(hubStore, events, outbound, customers, new FailureLog(hubStore, CLOCK), json, drains::isOpen);
        PartnerProfiles partners = new PartnerProfiles(List.of(), false, "HUB");
        Properties settings = new Properties();
        settings.setProperty("hub.outbound.poll-ms", "100");
        settings.setProperty("hub.follow-up.batch-size", Integer.toString(batchSize));
        camel = RouteFiles.start(Map.of("orderFollowUp", followUp, "invoices", new Invoices(invoicing),
                "accountingDocuments", new AccountingDocuments(new InvoiceXml()), "notices", new Notices(json, CLOCK, true),
                "kafkaEventNotices", new Notices(json, CLOCK, false, false),
                "partnerDocuments", new PartnerDocuments(partners, null, json),
                "shopUpdates", new ShopUpdates(new org.backofficehub.shop.ShopProfiles(List.of()), json),
                "contactHistory", new ContactHistory(new OrderContacts(source -> Origin.WEBSTORE, CLOCK))),
                settings, "order-follow-up.camel.yaml", "hub-errors.camel.yaml");
    }

    private static void awaitFollowedUp(OrderEvents events) {
        Awaitility.await("order events followed up").atMost(Duration.ofSeconds(20)).until(() -> events.pending() == 0);
    }

    private Map<String, Long> kinds(String routeId) throws SQLException {
        Map<String, Long> kinds = new HashMap<>();
        try (Connection connection = hubStore.getConnection();
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT kind, COUNT(*) FROM outbound_message WHERE route_id = '" + routeId + "' GROUP BY kind")) {
            while (rs.next()) {
                kinds.put(rs.getString(1), rs.getLong(2));
            }
        }
        return kinds;
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = hubStore.getConnection(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private BigDecimal number(String sql) {
        try (Connection connection = hubStore.getConnection(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

}
