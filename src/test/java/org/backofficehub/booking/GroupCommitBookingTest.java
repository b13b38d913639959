package org.backofficehub.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.backofficehub.support.DemoErp;
import org.backofficehub.model.Booking;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.store.GroupCommitUnavailableException;
import org.backofficehub.support.TestDatabase;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupCommitBookingTest {

    private HikariDataSource erp;
    private HikariDataSource hubStore;
    private GroupCommitBooking booking;

    @BeforeEach
    void open() {
        erp = TestDatabase.H2.newMigratedDataSource("erp", "db/erp");
        hubStore = TestDatabase.H2.newMigratedDataSource("hub", "db/hub");
        OrderBooking orders = new OrderBooking(new BookingLedger(hubStore, Duration.ofSeconds(30), Clock.systemUTC()), DemoErp.writer(erp));
        booking = new GroupCommitBooking(orders, 64, 1000, 30_000);
        booking.start();
    }

    @AfterEach
    void close() {
        booking.stop();
        erp.close();
        hubStore.close();
    }

    @Test
    void concurrentCallersEachGetTheirOwnAnswer() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        List<Future<Booking>> bookings = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String orderId = "GC-" + i;
            bookings.add(callers.submit(() -> booking.book(TestOrders.order(orderId, "SKU-1001", 1))));
        }
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < bookings.size(); i++) {
            Booking booked = bookings.get(i).get(60, TimeUnit.SECONDS);
            assertThat(booked.order().orderId()).isEqualTo("GC-" + i);
            numbers.add(booked.erpOrderNumber());
        }
        callers.shutdown();

        assertThat(numbers).doesNotHaveDuplicates().hasSize(400);
        try (Connection c = erp.getConnection()) {
            ResultSet orders = c.createStatement().executeQuery("SELECT COUNT(*) FROM ORDHDR");
            orders.next();
            assertThat(orders.getInt(1)).isEqualTo(400);
            ResultSet allocated = c.createStatement().executeQuery("SELECT IMALLO FROM ITMMAS WHERE IMITNO = 'SKU-1001'");
            allocated.next();
            assertThat(allocated.getInt(1)).isEqualTo(400);
        }
    }

    @Test
    void aRejectionReachesOnlyItsOwnCaller() {
        assertThatThrownBy(() -> booking.book(TestOrders.order("GC-BAD", "NO-SUCH-SKU", 1)))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.UNKNOWN_SKU));
        assertThat(booking.book(TestOrders.order("GC-GOOD", "SKU-1001", 1)).alreadyBooked()).isFalse();
    }

    @Test
    void stoppedBookingRefusesNewOrders() {
        booking.stop();

        assertThatThrownBy(() -> booking.book(TestOrders.order("GC-LATE", "SKU-1001", 1)))
                .isInstanceOf(GroupCommitUnavailableException.class);
    }
}
