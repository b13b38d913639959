package org.backofficehub.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backofficehub.booking.BookingLedger;
import org.backofficehub.booking.OrderBooking;
import org.backofficehub.erp.ErpShipments;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.support.DemoErp;
import org.backofficehub.support.TestDatabase;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo warehouse records a parcel once per ERP order and tracking number, also when asked at the same moment, on H2 and PostgreSQL. */
class WarehouseShipmentsTest {

    private HikariDataSource erp;
    private HikariDataSource hubStore;
    private WarehouseShipments warehouse;
    private String order;

    private void open(TestDatabase database) {
        erp = database.newMigratedDataSource("erp", "db/erp");
        hubStore = database.newMigratedDataSource("hub", "db/hub");
        Clock clock = Clock.systemUTC();
        order = new OrderBooking(new BookingLedger(hubStore, Duration.ofSeconds(30), clock), DemoErp.writer(erp))
                .book(TestOrders.order("W-SHIP", "SKU-1001", 1)).erpOrderNumber();
        warehouse = new WarehouseShipments(hubStore, new ErpShipments(erp, DemoErp.profile(), clock), clock, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        erp.close();
        hubStore.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eightRequestsForOneParcelAtOnceRecordOneShipment(TestDatabase database) throws Exception {
        open(database);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit((Callable<Long>) () -> {
                    start.await();
                    try {
                        return warehouse.record(order, "DHL", "JJD0001", LocalDate.of(2026, 11, 24)).orElseThrow().shipmentNumber();
                    } catch (InputRejectedException inProgress) {
                        assertThat(inProgress.type()).isEqualTo(ProblemType.DUPLICATE_INPUT);
                        return null; // told to retry: the first request is still writing the ERP
                    }
                }));
            }
            start.countDown();
            Set<Long> numbers = new HashSet<>();
            for (Future<Long> answer : answers) {
                Long number = answer.get();
                if (number != null) {
                    numbers.add(number);
                }
            }
            assertThat(numbers).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM SHPHDR")).isEqualTo(1);

        WarehouseShipments.Recorded later = warehouse.record(order, "UPS", "JJD0001", LocalDate.of(2026, 11, 25)).orElseThrow();
        assertThat(later.alreadyRecorded()).isTrue();
        assertThat(warehouse.record(order, "DHL", "JJD0002", LocalDate.of(2026, 11, 24)).orElseThrow().alreadyRecorded()).isFalse();
        assertThat(warehouse.record(order, "DHL", null, LocalDate.of(2026, 11, 24)).orElseThrow().alreadyRecorded())
                .as("without a tracking number a shipment cannot be recognised: always a new one").isFalse();
        assertThat(count("SELECT COUNT(*) FROM SHPHDR")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOrderTheErpDoesNotHaveLeavesNoClaimBehind(TestDatabase database) throws Exception {
        open(database);
        assertThat(warehouse.record("999999", "DHL", "JJD0003", LocalDate.of(2026, 11, 24))).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM SHPHDR")).isZero();
        try (Connection connection = hubStore.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM warehouse_shipment")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = erp.getConnection(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
