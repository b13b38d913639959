package org.backofficehub.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.backofficehub.batch.BookingStage.StagedOrder;
import org.backofficehub.booking.BookingResult;
import org.backofficehub.booking.GroupCommitBooking;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;
import org.backofficehub.outbound.OutboundDispatcher;
import org.backofficehub.store.FailureLog;
import org.backofficehub.store.HubStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Books everything a route has staged, in chunks: each chunk is one ERP transaction, which is
 * what makes batch mode cheaper per order than real time. Orders the ERP refuses become failure
 * records an administrator can replay. One drain per route at a time.
 */
public final class BatchDrain implements Processor {

    public static final String ROUTE_HEADER = "hubDrainRouteId";
    private static final Logger LOG = LoggerFactory.getLogger(BatchDrain.class);

    private final BookingStage stage;
    private final GroupCommitBooking booking;
    private final FailureLog failures;
    private final DataSource hubStore;
    private final int chunkSize;
    private final Clock clock;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    /** Told about each chunk's outcome once it is committed: orders booked now or refused (not re-deliveries, not deferred). */
    public interface Listener {
        void drained(List<Order> orders, List<BookingResult> results);
    }

    private volatile Listener listener = (orders, results) -> { };
    private volatile OutboundDispatcher deliveries;

    /**
     * {@code deferred}: still claimed by a booking in progress (or one a crash cut short); left staged for the next drain.
     * Routes that deliver rather than book (accounting export, web-store notices) count {@code delivered}; their
     * {@code deferred} are messages waiting for a retry after a failed attempt.
     */
    public record DrainResult(String routeId, int booked, int alreadyBooked, int failed, int deferred, int delivered) {
        public DrainResult(String routeId, int booked, int alreadyBooked, int failed, int deferred) {
            this(routeId, booked, alreadyBooked, failed, deferred, 0);
        }
    }

    public BatchDrain(BookingStage stage, GroupCommitBooking booking, FailureLog failures, DataSource hubStore, int chunkSize, Clock clock) {
        this.stage = stage;
        this.booking = booking;
        this.failures = failures;
        this.hubStore = hubStore;
        this.chunkSize = chunkSize;
        this.clock = clock;
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** The routes whose batch is a delivery of outbound messages rather than staged orders. */
    public void setDeliveries(OutboundDispatcher deliveries) {
        this.deliveries = deliveries;
    }

    /** The scheduled drain: the route id comes from the drain route's header. */
    @Override
    public void process(Exchange exchange) {
        drain(exchange.getMessage().getHeader(ROUTE_HEADER, String.class));
    }

    public DrainResult drain(String routeId) {
        return drain(routeId, true);
    }

    /** Drains what a route left staged (after switching to real time, or a crash), if anything. */
    public DrainResult drainLeftovers(String routeId) {
        return drain(routeId, false);
    }

    private DrainResult drain(String routeId, boolean recordEmptyRun) {
        OutboundDispatcher dispatcher = deliveries;
        if (dispatcher != null && dispatcher.handles(routeId)) {
            OutboundDispatcher.Outcome outcome = dispatcher.deliver(routeId);
            DrainResult result = new DrainResult(routeId, 0, 0, outcome.failed(), outcome.retrying(), outcome.delivered());
            if (recordEmptyRun || outcome.delivered() + outcome.failed() > 0) {
                recordRun(result);
            }
            return result;
        }
        ReentrantLock lock = running.computeIfAbsent(routeId, id -> new ReentrantLock());
        // A second caller (run now during a scheduled drain) waits and then finds the stage empty.
        lock.lock();
        try {
            int booked = 0;
            int alreadyBooked = 0;
            int failed = 0;
            int deferred = 0;
            long after = 0;
            for (List<StagedOrder> chunk = stage.oldest(routeId, after, chunkSize); !chunk.isEmpty();
                 chunk = stage.oldest(routeId, after, chunkSize)) {
                after = chunk.get(chunk.size() - 1).id();
                List<BookingResult> results = booking.bookAll(chunk.stream().map(StagedOrder::order).toList());
                List<StagedOrder> done = new ArrayList<>(chunk.size());
                List<Order> answered = new ArrayList<>(chunk.size());
                List<BookingResult> answers = new ArrayList<>(chunk.size());
                for (int i = 0; i < chunk.size(); i++) {
                    BookingResult result = results.get(i);
                    if (result.rejection() != null && result.rejection().type() == ProblemType.BOOKING_IN_PROGRESS) {
                        deferred++;
                        continue;
                    }
                    if (result.rejection() != null) {
                        recordFailure(routeId, chunk.get(i), result.rejection());
                        failed++;
                    } else if (result.booking().alreadyBooked()) {
                        alreadyBooked++;
                    } else {
                        booked++;
                    }
                    if (result.rejection() != null || !result.booking().alreadyBooked()) {
                        answered.add(chunk.get(i).order());
                        answers.add(result);
                    }
                    done.add(chunk.get(i));
                }
                stage.remove(done);
                tell(answered, answers);
            }
            DrainResult result = new DrainResult(routeId, booked, alreadyBooked, failed, deferred);
            if (recordEmptyRun || booked + alreadyBooked + failed > 0) {
                recordRun(result);
            }
            if (booked + alreadyBooked + failed + deferred > 0) {
                LOG.info("Drained {}: {} booked, {} already booked, {} failed, {} deferred (booking in progress)",
                        routeId, booked, alreadyBooked, failed, deferred);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** The bookings are committed whatever a listener does; its failure is logged, not the drain's. */
    private void tell(List<Order> orders, List<BookingResult> results) {
        if (orders.isEmpty()) {
            return;
        }
        try {
            listener.drained(orders, results);
        } catch (RuntimeException e) {
            LOG.error("After draining {} orders: {}", orders.size(), e.getMessage(), e);
        }
    }

    private void recordFailure(String routeId, StagedOrder staged, InputRejectedException rejection) {
        failures.record(routeId, "staged-order", rejection.type().slug(),
                "Order " + staged.order().key() + " (tracking " + staged.trackingId() + "): " + rejection.getMessage(),
                null, staged.canonical());
    }

    public record LastRun(Instant at, int booked, int failed) {
    }

    public Optional<LastRun> lastRun(String routeId) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT last_run_at, booked, failed FROM route_drain WHERE route_id = ?")) {
            select.setString(1, routeId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new LastRun(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getInt(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read the last drain of " + routeId + ": " + e.getMessage(), e);
        }
    }

    private void recordRun(DrainResult result) {
        try (Connection connection = hubStore.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM route_drain WHERE route_id = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO route_drain (route_id, last_run_at, booked, failed) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, result.routeId());
                delete.executeUpdate();
                insert.setString(1, result.routeId());
                insert.setTimestamp(2, Timestamp.from(clock.instant()));
                insert.setInt(3, result.booked() + result.alreadyBooked() + result.delivered());
                insert.setInt(4, result.failed());
                insert.executeUpdate();
                connection.commit();
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot record the drain of " + result.routeId() + ": " + e.getMessage(), e);
        }
    }

}
