package org.backofficehub.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.backofficehub.support.DemoErp;
import org.backofficehub.booking.GroupCommitBooking;
import org.backofficehub.booking.OrderBooking;
import org.backofficehub.booking.BookingLedger;
import org.backofficehub.modes.RouteModes;
import org.backofficehub.store.FailureLog;
import org.backofficehub.support.RouteFiles;
import org.backofficehub.support.TestDatabase;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Draining the stage as routes/batch-drains.camel.yaml runs it, on H2 and PostgreSQL: booked and
 * refused orders leave it, orders still claimed stay.
 */
class BatchDrainTest {

    private HikariDataSource erp;
    private HikariDataSource hubStore;
    private GroupCommitBooking booking;
    private BookingStage stage;
    private FailureLog failures;
    private final DrainWindow window = new DrainWindow();
    private final List<Boolean> windowOpenWhenPartnersAreAnswered = new CopyOnWriteArrayList<>();
    private CamelContext camel;

    private void open(TestDatabase database) {
        erp = database.newMigratedDataSource("erp", "db/erp");
        hubStore = database.newMigratedDataSource("hub", "db/hub");
        Clock clock = Clock.systemUTC();
        booking = new GroupCommitBooking(new OrderBooking(new BookingLedger(hubStore, Duration.ofSeconds(30), clock),
                DemoErp.writer(erp)), 64, 1000, 30_000);
        booking.start();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        stage = new BookingStage(hubStore, json, clock);
        failures = new FailureLog(hubStore, clock);
        BatchDrain drain = new BatchDrain(stage, failures, new DrainRuns(hubStore, clock), 2, window);
        camel = RouteFiles.start(Map.of("batchDrain", drain, "realTimeBooking", booking,
                "orderStaging", new OrderStaging(stage, 64, 1000, 30_000), "routeModes", new RouteModes(hubStore, clock),
                "erpPrecision", org.backofficehub.booking.ErpPrecision.DEMO_ERP,
                "receivedDocuments", org.backofficehub.support.EdiRouteBeans.untracked(hubStore, clock)),
                "batch-drains.camel.yaml", "order-intake.camel.yaml", "hub-errors.camel.yaml");
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:answer-edi-partners").process(exchange -> windowOpenWhenPartnersAreAnswered.add(window.isOpen()));
                    // No shop pulls its orders on these routes (shop-orders.camel.yaml is not loaded here).
                    from("direct:pull-shops").id("no-shops-to-pull").log("no shops to pull");
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private DrainResult drain(String routeId) {
        return camel.createProducerTemplate().requestBodyAndHeader("direct:drain-" + routeId, null, "hubDrainScheduled", true,
                DrainResult.class);
    }

    @AfterEach
    void close() throws Exception {
        camel.close();
        booking.stop();
        erp.close();
        hubStore.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void drainBooksRefusesAndDefersEachOrderOnItsMerits(TestDatabase database) throws Exception {
        open(database);
        stage.stageAll(List.of(
                new BookingStage.Staging("webstore-orders", TestOrders.order("D-1", "SKU-1001", 1)),
                new BookingStage.Staging("webstore-orders", TestOrders.order("D-CLAIMED", "SKU-1001", 1)),
                new BookingStage.Staging("webstore-orders", TestOrders.order("D-SHORT", "SKU-9001", 50)),
                new BookingStage.Staging("webstore-orders", TestOrders.order("D-2", "SKU-1003", 1)),
                new BookingStage.Staging("inbox-files", TestOrders.order("D-OTHER-ROUTE", "SKU-1003", 1))));
        // Another delivery (or one a crash cut short) holds a fresh claim on D-CLAIMED.
        try (Connection c = hubStore.getConnection(); PreparedStatement claim = c.prepareStatement(
                "INSERT INTO order_booking (source, order_id, state, claimed_at) VALUES ('WEBSTORE', 'D-CLAIMED', 'CLAIMED', ?)")) {
            claim.setTimestamp(1, Timestamp.from(Instant.now()));
            claim.executeUpdate();
        }

        DrainResult result = drain("webstore-orders");

        assertThat(windowOpenWhenPartnersAreAnswered).as("the back office's workers hold off while the drain books")
                .isNotEmpty().containsOnly(true);
        assertThat(window.isOpen()).as("and go on once it is over").isFalse();
        assertThat(result).isEqualTo(new DrainResult("webstore-orders", 2, 0, 1, 1, 0));
        assertThat(stage.countsByRoute()).containsEntry("webstore-orders", 1L).containsEntry("inbox-files", 1L);
        assertThat(failures.list(FailureLog.OPEN, 10)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("staged-order");
            assertThat(f.problem()).isEqualTo("insufficient-stock");
            assertThat(f.reason()).contains("D-SHORT");
        });
        assertThat(drain("webstore-orders")).as("the deferred order stays until its claim lapses")
                .isEqualTo(new DrainResult("webstore-orders", 0, 0, 0, 1, 0));
    }
}
