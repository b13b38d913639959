package org.backofficehub.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.backofficehub.support.DemoErp;
import org.backofficehub.erp.ErpBooking;
import org.backofficehub.model.Booking;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.ProblemType;
import org.backofficehub.support.TestDatabase;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Booking into the legacy ERP tables, on H2 and on a real PostgreSQL server: same SQL, same outcome. */
class OrderBookingTest {

    private HikariDataSource erp;
    private HikariDataSource hubStore;
    private OrderBooking booking;

    private void open(TestDatabase database) {
        erp = database.newMigratedDataSource("erp", "db/erp");
        hubStore = database.newMigratedDataSource("hub", "db/hub");
        booking = new OrderBooking(new BookingLedger(hubStore, Duration.ofSeconds(30), Clock.systemUTC()), DemoErp.writer(erp));
    }

    @AfterEach
    void close() {
        erp.close();
        hubStore.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void bookingWritesHeaderLinesAndAllocatesStock(TestDatabase database) throws SQLException {
        open(database);
        Order order = TestOrders.order("W-1", List.of(
                new OrderLine(1, "SKU-1001", null, new BigDecimal("6"), new BigDecimal("6.50")),
                new OrderLine(2, "SKU-2001", "Beans", new BigDecimal("2"), new BigDecimal("18.40"))));

        Booking result = booking.book(order);

        assertThat(result.alreadyBooked()).isFalse();
        assertThat(result.erpOrderNumber()).isEqualTo("100001");
        assertThat(queryDecimal("SELECT OHTNET FROM ORDHDR WHERE OHORNO = 100001")).isEqualByComparingTo("75.80");
        assertThat(queryDecimal("SELECT COUNT(*) FROM ORDLIN WHERE OLORNO = 100001")).isEqualByComparingTo("2");
        assertThat(queryString("SELECT OLDESC FROM ORDLIN WHERE OLORNO = 100001 AND OLLINE = 1"))
                .as("description from the item master when the channel sent none").isEqualTo("Espresso cup, white porcelain");
        assertThat(allocated("SKU-1001")).isEqualByComparingTo("6");
        assertThat(allocated("SKU-2001")).isEqualByComparingTo("2");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void bookingTheSameOrderAgainReturnsTheFirstBookingAndWritesNothing(TestDatabase database) throws SQLException {
        open(database);
        Booking first = booking.book(TestOrders.order("W-2", "SKU-1001", 3));

        Booking again = booking.book(TestOrders.order("W-2", "SKU-1001", 3));

        assertThat(again.alreadyBooked()).isTrue();
        assertThat(again.erpOrderNumber()).isEqualTo(first.erpOrderNumber());
        assertThat(queryDecimal("SELECT COUNT(*) FROM ORDHDR")).isEqualByComparingTo("1");
        assertThat(allocated("SKU-1001")).isEqualByComparingTo("3");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unknownSkuRejectsTheWholeOrderAndLeavesTheErpUntouched(TestDatabase database) throws SQLException {
        open(database);
        Order order = TestOrders.order("W-3", List.of(
                new OrderLine(1, "SKU-1001", null, BigDecimal.ONE, BigDecimal.TEN),
                new OrderLine(2, "NO-SUCH-SKU", null, BigDecimal.ONE, BigDecimal.TEN)));

        assertThatThrownBy(() -> booking.book(order)).isInstanceOfSatisfying(InputRejectedException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.UNKNOWN_SKU);
            assertThat(e.fieldProblems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("/lines/1/sku"));
        });
        assertThat(queryDecimal("SELECT COUNT(*) FROM ORDHDR")).isEqualByComparingTo("0");
        assertThat(allocated("SKU-1001")).as("allocation of the good line rolled back").isEqualByComparingTo("0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectedOrderCanBeBookedOnceCorrected(TestDatabase database) {
        open(database);
        assertThatThrownBy(() -> booking.book(TestOrders.order("W-4", "SKU-9001", 3)))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.INSUFFICIENT_STOCK));

        Booking corrected = booking.book(TestOrders.order("W-4", "SKU-9001", 2));

        assertThat(corrected.alreadyBooked()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrentDeliveriesOfOneOrderBookItOnce(TestDatabase database) throws Exception {
        open(database);
        Set<String> erpNumbers = ConcurrentHashMap.newKeySet();
        List<Callable<Void>> deliveries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            deliveries.add(() -> {
                try {
                    erpNumbers.add(booking.book(TestOrders.order("W-RACE", "SKU-1001", 1)).erpOrderNumber());
                } catch (InputRejectedException busy) {
                    assertThat(busy.type()).isEqualTo(ProblemType.BOOKING_IN_PROGRESS);
                }
                return null;
            });
        }

        runTogether(deliveries);

        assertThat(queryDecimal("SELECT COUNT(*) FROM ORDHDR")).isEqualByComparingTo("1");
        assertThat(allocated("SKU-1001")).isEqualByComparingTo("1");
        assertThat(erpNumbers).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrentOrdersNeverAllocateMoreThanIsOnHand(TestDatabase database) throws Exception {
        open(database);
        // SKU-9001 has 2 on hand in the demo catalogue; 10 buyers want one each.
        List<Callable<Void>> buyers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String orderId = "W-LAST-" + i;
            buyers.add(() -> {
                try {
                    booking.book(TestOrders.order(orderId, "SKU-9001", 1));
                } catch (InputRejectedException soldOut) {
                    assertThat(soldOut.type()).isEqualTo(ProblemType.INSUFFICIENT_STOCK);
                }
                return null;
            });
        }

        runTogether(buyers);

        assertThat(queryDecimal("SELECT COUNT(*) FROM ORDHDR")).isEqualByComparingTo("2");
        assertThat(allocated("SKU-9001")).isEqualByComparingTo("2");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claimAbandonedAfterTheErpCommittedIsRecoveredWithoutBookingTwice(TestDatabase database) throws SQLException {
        open(database);
        // A crash after the ERP commit but before the hub recorded it: the ERP has the order, the claim is stale.
        String erpNumber = ((ErpBooking.Outcome.Booked) DemoErp.writer(erp)
                .bookAll(List.of(TestOrders.order("W-CRASH", "SKU-1001", 1))).get(0)).erpOrderNumber();
        insertStaleClaim("W-CRASH");

        Booking recovered = booking.book(TestOrders.order("W-CRASH", "SKU-1001", 1));

        assertThat(recovered.erpOrderNumber()).isEqualTo(erpNumber);
        assertThat(recovered.alreadyBooked()).isTrue();
        assertThat(queryDecimal("SELECT COUNT(*) FROM ORDHDR")).isEqualByComparingTo("1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claimAbandonedBeforeTheErpCommittedIsBookedByTheNextDelivery(TestDatabase database) throws SQLException {
        open(database);
        insertStaleClaim("W-CRASH-EARLY");

        Booking booked = booking.book(TestOrders.order("W-CRASH-EARLY", "SKU-1001", 1));

        assertThat(booked.alreadyBooked()).isFalse();
        assertThat(queryDecimal("SELECT COUNT(*) FROM ORDHDR")).isEqualByComparingTo("1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void orderTheErpHoldsIsNotBookedAgainEvenIfTheHubStoreForgotIt(TestDatabase database) throws SQLException {
        open(database);
        Booking first = booking.book(TestOrders.order("W-FORGOTTEN", "SKU-1001", 1));
        try (Connection c = hubStore.getConnection()) {
            c.createStatement().executeUpdate("DELETE FROM order_booking");
        }

        Booking again = booking.book(TestOrders.order("W-FORGOTTEN", "SKU-1001", 1));

        assertThat(again.erpOrderNumber()).isEqualTo(first.erpOrderNumber());
        assertThat(again.alreadyBooked()).isTrue();
        assertThat(queryDecimal("SELECT COUNT(*) FROM ORDHDR")).isEqualByComparingTo("1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void batchBooksEachOrderOnItsOwnMerits(TestDatabase database) throws SQLException {
        open(database);
        booking.book(TestOrders.order("W-EARLIER", "SKU-1002", 1));

        List<BookingResult> results = booking.bookAll(List.of(
                TestOrders.order("W-B1", "SKU-1001", 2),
                TestOrders.order("W-B2", "NO-SUCH-SKU", 1),
                TestOrders.order("W-EARLIER", "SKU-1002", 1),
                TestOrders.order("W-B3", "SKU-9001", 99),
                TestOrders.order("W-B4", "SKU-1003", 1),
                TestOrders.order("W-B4", "SKU-1003", 1)));

        assertThat(results.get(0).booking().alreadyBooked()).isFalse();
        assertThat(results.get(1).rejection().type()).isEqualTo(ProblemType.UNKNOWN_SKU);
        assertThat(results.get(2).booking().alreadyBooked()).isTrue();
        assertThat(results.get(3).rejection().type()).isEqualTo(ProblemType.INSUFFICIENT_STOCK);
        assertThat(results.get(4).booking().alreadyBooked()).isFalse();
        assertThat(results.get(5).rejection().type()).as("same order twice in one batch").isEqualTo(ProblemType.BOOKING_IN_PROGRESS);
        assertThat(queryDecimal("SELECT COUNT(*) FROM ORDHDR")).isEqualByComparingTo("3");
        assertThat(allocated("SKU-1001")).isEqualByComparingTo("2");
        assertThat(allocated("SKU-9001")).as("rejected order's allocation rolled back").isEqualByComparingTo("0");
        assertThat(allocated("SKU-1003")).isEqualByComparingTo("1");
        assertThat(booking.book(TestOrders.order("W-B2", "SKU-1001", 1)).alreadyBooked())
                .as("a rejected order's claim is released").isFalse();
    }

    private void insertStaleClaim(String orderId) throws SQLException {
        try (Connection c = hubStore.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO order_booking (source, order_id, state, claimed_at) VALUES ('WEBSTORE', ?, 'CLAIMED', ?)")) {
            insert.setString(1, orderId);
            insert.setTimestamp(2, Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))));
            insert.executeUpdate();
        }
    }

    private static void runTogether(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private BigDecimal allocated(String sku) throws SQLException {
        return queryDecimal("SELECT IMALLO FROM ITMMAS WHERE IMITNO = '" + sku + "'");
    }

    private BigDecimal queryDecimal(String sql) throws SQLException {
        try (Connection c = erp.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getBigDecimal(1);
        }
    }

    private String queryString(String sql) throws SQLException {
        try (Connection c = erp.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    /** The channels refuse these before booking; a payload replayed from a failure reaches the booking directly. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOrderFinerThanTheErpsColumnsIsRefusedAtTheBookingTooAndLeavesNoClaim(TestDatabase database) throws SQLException {
        open(database);
        Order finer = TestOrders.order("W-FINE", List.of(new OrderLine(1, "SKU-1001", null, new BigDecimal("0.0004"),
                new BigDecimal("99999999"))));

        assertThatThrownBy(() -> booking.book(finer)).isInstanceOfSatisfying(InputRejectedException.class,
                refused -> assertThat(refused.type()).isEqualTo(ProblemType.AMOUNT_PRECISION));
        assertThat(queryDecimal("SELECT COUNT(*) FROM ORDHDR")).isZero();
        assertThat(allocated("SKU-1001")).isZero();

        Order corrected = TestOrders.order("W-FINE", List.of(new OrderLine(1, "SKU-1001", null, BigDecimal.ONE, new BigDecimal("6.50"))));
        assertThat(booking.book(corrected).alreadyBooked()).as("the refusal left no claim behind").isFalse();
    }
}
