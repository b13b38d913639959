package org.backofficehub.batch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.backofficehub.batch.BookingStage.StagedOrder;
import org.backofficehub.booking.BookingResult;
import org.backofficehub.booking.GroupCommitBooking;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;
import org.backofficehub.store.FailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Books everything a route has staged, in chunks: each chunk is one ERP transaction, which is
 * what makes batch mode cheaper per order than real time. Orders the ERP refuses become failure
 * records an administrator can replay. One drain per route at a time.
 */
public final class BatchDrain {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDrain.class);

    private final BookingStage stage;
    private final GroupCommitBooking booking;
    private final FailureLog failures;
    private final int chunkSize;
    private final DrainRuns runs;
    private final DrainWindow window;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    /** Told about each chunk's outcome once it is committed: orders booked now or refused (not re-deliveries, not deferred). */
    public interface Listener {
        void drained(List<Order> orders, List<BookingResult> results);
    }

    private volatile Listener listener = (orders, results) -> { };

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

    public BatchDrain(BookingStage stage, GroupCommitBooking booking, FailureLog failures, DataSource hubStore, int chunkSize, Clock clock,
                      DrainWindow window) {
        this.stage = stage;
        this.booking = booking;
        this.failures = failures;
        this.chunkSize = chunkSize;
        this.runs = new DrainRuns(hubStore, clock);
        this.window = window;
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    public DrainResult drain(String routeId) {
        return drain(routeId, true);
    }

    /** Drains what a route left staged (after switching to real time, or a crash), if anything. */
    public DrainResult drainLeftovers(String routeId) {
        return drain(routeId, false);
    }

    private DrainResult drain(String routeId, boolean recordEmptyRun) {
        ReentrantLock lock = running.computeIfAbsent(routeId, id -> new ReentrantLock());
        // A second caller (run now during a scheduled drain) waits and then finds the stage empty.
        lock.lock();
        try (DrainWindow.Held held = window.open()) {
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
                runs.record(result);
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
}
