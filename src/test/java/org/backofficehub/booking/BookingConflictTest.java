package org.backofficehub.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.backofficehub.model.Booking;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.support.DemoErp;
import org.backofficehub.support.TestDatabase;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A booking that meets another transaction on the same stock rows in the opposite order (another
 * hub instance's order-by-order fallback, or the ERP's own programs) on a real PostgreSQL: the
 * server detects the deadlock and rolls the booking back, and the booking is done again.
 */
class BookingConflictTest {

    private HikariDataSource erp;
    private HikariDataSource hubStore;

    @AfterEach
    void close() {
        erp.close();
        hubStore.close();
    }

    @Test
    void aBookingChosenAsADeadlocksVictimIsBookedAgain() throws Exception {
        erp = TestDatabase.POSTGRES.newMigratedDataSource("erp", "db/erp");
        hubStore = TestDatabase.POSTGRES.newMigratedDataSource("hub", "db/hub");
        OrderBooking booking = new OrderBooking(new BookingLedger(hubStore, Duration.ofSeconds(30), Clock.systemUTC()), DemoErp.writer(erp));
        Order order = TestOrders.order("DEADLOCK-1", List.of(
                new OrderLine(1, "SKU-1001", null, BigDecimal.ONE, new BigDecimal("6.50")),
                new OrderLine(2, "SKU-1003", null, BigDecimal.ONE, new BigDecimal("6.50"))));

        try (Connection other = erp.getConnection(); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            // This transaction waits longer before it looks for a deadlock: the booking is the victim.
            statement.execute("SET LOCAL deadlock_timeout = '30s'");
            statement.executeUpdate("UPDATE ITMMAS SET IMALLO = IMALLO + 1 WHERE IMITNO = 'SKU-1003'");
            // The booking allocates SKU-1001, then waits for SKU-1003.
            CompletableFuture<Booking> booked = CompletableFuture.supplyAsync(() -> booking.book(order));
            Awaitility.await("the booking waits for SKU-1003").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> waitingOnLocks() == 1);
            // Taking SKU-1001 closes the cycle; it is granted once the server has rolled the booking back.
            statement.executeUpdate("UPDATE ITMMAS SET IMALLO = IMALLO + 1 WHERE IMITNO = 'SKU-1001'");
            assertThat(booked).as("still waiting for the rows this transaction holds").isNotDone();
            other.commit();

            Booking result = booked.get(30, TimeUnit.SECONDS);
            assertThat(result.alreadyBooked()).isFalse();
        }
        assertThat(number("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'DEADLOCK-1'")).isEqualTo(1);
        assertThat(number("SELECT IMALLO FROM ITMMAS WHERE IMITNO = 'SKU-1001'")).as("the other's 1 and the order's 1").isEqualTo(2);
        assertThat(number("SELECT IMALLO FROM ITMMAS WHERE IMITNO = 'SKU-1003'")).isEqualTo(2);
    }

    private long waitingOnLocks() throws Exception {
        return number("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()");
    }

    private long number(String sql) throws Exception {
        try (Connection connection = erp.getConnection(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
