package org.backofficehub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.backofficehub.backoffice.OrderEvent;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.store.GroupCommit;

/**
 * What the database alone needs to book web orders in real time: the rows the hub writes for
 * one web order, in the hub's two commits, by plain JDBC (no Camel, no HTTP, no reads):
 * <ol>
 *   <li>hub store, transaction opened: the order's claim in {@code order_booking} (BookingLedger.Batch.claimAll);</li>
 *   <li>ERP, committed: the header, its lines and one guarded allocation per item (the demo
 *       profile's order.insert, line.insert and stock.allocate, as ErpOrderWriter batches them);</li>
 *   <li>hub store, committed: the claim marked BOOKED and the order's {@code order_event}
 *       (BookingLedger.Batch.recordBooked with OrderEventListener in the same transaction).</li>
 * </ol>
 * The order is the sample web order the hub benchmarks post (two lines, two items), so the floor
 * writes what the hub writes for it. Left out, because a floor need not do them: the hub's lookups
 * before writing (existing claims, the ERP's order.find-many, reading the ERP's numbers back; here
 * the ERP order number is given, not drawn from the identity column) and everything the hub does
 * beside the database.
 */
final class BookingFloor {

    record Result(String name, long orders, double seconds, double cpuMillis) {
        double throughput() {
            return orders / seconds;
        }

        double cpuPerOrder() {
            return cpuMillis / orders;
        }
    }

    private static final String CLAIM = "INSERT INTO order_booking (source, order_id, state, claimed_at) VALUES (?, ?, 'CLAIMED', ?)";
    private static final String HEADER = "INSERT INTO ORDHDR (OHORNO, OHSRC, OHCREF, OHORDT, OHCURR, OHSTAT, OHNAME, OHMAIL, OHPHON,"
            + " OHSTR1, OHCITY, OHZIP, OHCTRY, OHSNAM, OHSSTR, OHSCIT, OHSZIP, OHSCTY, OHTNET, OHCRTS)"
            + " VALUES (?, ?, ?, ?, ?, 'OP', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LINE = "INSERT INTO ORDLIN (OLORNO, OLLINE, OLITNO, OLDESC, OLQTY, OLUOM, OLPRIC, OLAMNT, OLSTAT)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OP')";
    private static final String ALLOCATE = "UPDATE ITMMAS SET IMALLO = IMALLO + ? WHERE IMITNO = ? AND IMONHD - IMALLO >= ?";
    private static final String MARK_BOOKED =
            "UPDATE order_booking SET state = 'BOOKED', erp_order_no = ?, booked_at = ? WHERE source = ? AND order_id = ?";
    private static final String EVENT = "INSERT INTO order_event (kind, source, order_id, detail, created_at) VALUES (?, ?, ?, ?, ?)";

    /** Far above the identity column's numbers (from 100001): the floor numbers its orders itself. */
    private static final long FIRST_ERP_NUMBER = 1_000_000_000L;
    private static final String ORDER_ID = "FLOOR-ORDER-ID";

    private final DataSource hubStore;
    private final DataSource erp;
    private final Order order = BaselineOrder.sample(ORDER_ID);
    /** The order event's JSON as the hub stores it (StoreConfiguration.canonicalJson), made once: serialising is not the database's work. */
    private final String eventDetail;
    private final AtomicLong sequence = new AtomicLong();

    BookingFloor(DataSource hubStore, DataSource erp) throws Exception {
        this.hubStore = hubStore;
        this.erp = erp;
        ObjectMapper canonicalJson = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.eventDetail = canonicalJson.writeValueAsString(OrderEvent.booked(order, String.valueOf(FIRST_ERP_NUMBER)));
    }

    /** One order per round of two commits, one after the other, on this thread. */
    Result oneWriter(String name, Duration window) {
        long cpu = cpuNanos();
        long started = System.nanoTime();
        long end = started + window.toNanos();
        long orders = 0;
        while (System.nanoTime() < end) {
            writeAll(List.of(sequence.incrementAndGet()));
            orders++;
        }
        return new Result(name, orders, (System.nanoTime() - started) / 1e9, (cpuNanos() - cpu) / 1e6);
    }

    /**
     * {@code producers} threads each handing in one order at a time and waiting for it, to one
     * writer that takes whatever has gathered (up to 500) as one round of two commits: the hub's
     * own GroupCommit, as GroupCommitBooking uses it.
     */
    Result groupCommit(String name, int producers, Duration window) throws InterruptedException {
        GroupCommit<Long, Boolean> writer = new GroupCommit<>("floor", this::writeAll, 500, 10_000, 30_000);
        writer.start();
        AtomicLong orders = new AtomicLong();
        long cpu = cpuNanos();
        long started = System.nanoTime();
        long end = started + window.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    writer.submit(List.of(sequence.incrementAndGet()), "a floor order");
                    orders.incrementAndGet();
                }
            }, "floor-producer");
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMillis = (cpuNanos() - cpu) / 1e6;
        writer.stop();
        return new Result(name, orders.get(), seconds, cpuMillis);
    }

    /** The two commits for a batch of orders, numbered {@code numbers}. */
    private List<Boolean> writeAll(List<Long> numbers) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = hubStore.getConnection();
             PreparedStatement claim = connection.prepareStatement(CLAIM);
             PreparedStatement booked = connection.prepareStatement(MARK_BOOKED);
             PreparedStatement event = connection.prepareStatement(EVENT)) {
            connection.setAutoCommit(false);
            for (long n : numbers) {
                claim.setString(1, order.source());
                claim.setString(2, orderId(n));
                claim.setTimestamp(3, now);
                claim.addBatch();
            }
            claim.executeBatch();
            writeErp(numbers, now);
            for (long n : numbers) {
                booked.setString(1, String.valueOf(FIRST_ERP_NUMBER + n));
                booked.setTimestamp(2, now);
                booked.setString(3, order.source());
                booked.setString(4, orderId(n));
                booked.addBatch();
                event.setString(1, OrderEvent.BOOKED);
                event.setString(2, order.source());
                event.setString(3, orderId(n));
                event.setString(4, eventDetail.replace(ORDER_ID, orderId(n)));
                event.setTimestamp(5, now);
                event.addBatch();
            }
            booked.executeBatch();
            event.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The floor's write failed: " + e.getMessage(), e);
        }
        return Collections.nCopies(numbers.size(), true);
    }

    private void writeErp(List<Long> numbers, Timestamp now) throws SQLException {
        try (Connection connection = erp.getConnection();
             PreparedStatement allocate = connection.prepareStatement(ALLOCATE);
             PreparedStatement header = connection.prepareStatement(HEADER);
             PreparedStatement line = connection.prepareStatement(LINE)) {
            connection.setAutoCommit(false);
            // As ErpOrderWriter: one guarded update per item for the batch's whole demand, items in order.
            Map<String, BigDecimal> demand = new TreeMap<>();
            for (OrderLine orderLine : order.lines()) {
                demand.merge(orderLine.sku(), orderLine.quantity().multiply(BigDecimal.valueOf(numbers.size())), BigDecimal::add);
            }
            for (Map.Entry<String, BigDecimal> item : demand.entrySet()) {
                allocate.setBigDecimal(1, item.getValue());
                allocate.setString(2, item.getKey());
                allocate.setBigDecimal(3, item.getValue());
                allocate.addBatch();
            }
            for (int count : allocate.executeBatch()) {
                if (count != 1) {
                    throw new IllegalStateException("The bench stock ran out (db/erp-bench)");
                }
            }
            for (long n : numbers) {
                int i = 1;
                header.setLong(i++, FIRST_ERP_NUMBER + n);
                header.setString(i++, order.source());
                header.setString(i++, orderId(n));
                header.setDate(i++, Date.valueOf(order.orderDate()));
                header.setString(i++, order.currency());
                for (var party : List.of(order.buyer(), order.shipTo())) {
                    header.setString(i++, party.name());
                    if (party == order.buyer()) {
                        header.setString(i++, party.email());
                        header.setString(i++, party.phone());
                    }
                    header.setString(i++, party.address().street());
                    header.setString(i++, party.address().city());
                    header.setString(i++, party.address().postalCode());
                    header.setString(i++, party.address().country());
                }
                header.setBigDecimal(i++, order.netTotal());
                header.setTimestamp(i, now);
                header.addBatch();
                for (OrderLine orderLine : order.lines()) {
                    line.setLong(1, FIRST_ERP_NUMBER + n);
                    line.setInt(2, orderLine.lineNumber());
                    line.setString(3, orderLine.sku());
                    // Where the order has none, the hub's line.insert writes the item master's (SKU-2001's).
                    line.setString(4, orderLine.description() != null ? orderLine.description() : "Coffee beans, house blend, 1 kg");
                    line.setBigDecimal(5, orderLine.quantity());
                    line.setString(6, orderLine.unit());
                    line.setBigDecimal(7, orderLine.unitPrice());
                    line.setBigDecimal(8, orderLine.amount());
                    line.addBatch();
                }
            }
            header.executeBatch();
            line.executeBatch();
            connection.commit();
        }
    }

    private static String orderId(long n) {
        return "F" + n;
    }

    /** CPU of this JVM, all threads: with H2 the database's work, with PostgreSQL the client's. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
