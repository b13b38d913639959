package org.backofficehub.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.backofficehub.batch.BookingStage.StagedOrder;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.model.ProblemType;
import org.backofficehub.store.FailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drain of a route that stages orders, in the steps its route runs
 * ({@code routes/batch-drains.camel.yaml}): {@link #start} it, book each chunk of the stage it
 * hands out, {@link #settle} the chunk, {@link #finish} and {@link #close}. Each chunk is one ERP
 * transaction, which is what makes batch mode cheaper per order than real time. An order leaves
 * the stage only once it is booked or recorded as a failure, so a drain cut short loses nothing
 * and the next one books nothing twice. One drain per route at a time; while one books, the back
 * office's workers hold off ({@link DrainWindow}).
 */
public final class BatchDrain {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDrain.class);

    private final BookingStage stage;
    private final FailureLog failures;
    private final int chunkSize;
    private final DrainRuns runs;
    private final DrainWindow window;
    private final Map<String, Semaphore> running = new ConcurrentHashMap<>();

    public BatchDrain(BookingStage stage, FailureLog failures, DrainRuns runs, int chunkSize, DrainWindow window) {
        this.stage = stage;
        this.failures = failures;
        this.chunkSize = chunkSize;
        this.runs = runs;
        this.window = window;
    }

    /**
     * Starts a drain of the route, once the one in progress (if any) has ended: run now during a
     * scheduled drain waits and then finds the stage empty.
     *
     * @param scheduled its schedule or run now, recorded as the route's last run even if it found
     *                  nothing; false for the real-time poll, which only takes what was left staged
     */
    public DrainRun start(String routeId, boolean scheduled) {
        Semaphore drain = running.computeIfAbsent(routeId, id -> new Semaphore(1));
        drain.acquireUninterruptibly();
        return new DrainRun(routeId, scheduled, drain);
    }

    /**
     * The chunk's orders are booked (or refused): refusals become failure records an administrator
     * can replay, and the chunk leaves the stage but for orders still being booked elsewhere.
     *
     * @return the answers its senders are owed now (new bookings and refusals, not re-deliveries)
     */
    public List<OrderAnswer> settle(StagedChunk chunk, List<OrderAnswer> answers) {
        List<StagedOrder> done = new ArrayList<>(answers.size());
        List<OrderAnswer> owed = new ArrayList<>(answers.size());
        DrainRun run = chunk.run();
        for (int i = 0; i < answers.size(); i++) {
            OrderAnswer answer = answers.get(i);
            StagedOrder staged = chunk.staged().get(i);
            if (answer.refusal() != null && answer.refusal().type() == ProblemType.BOOKING_IN_PROGRESS) {
                run.deferred++;
                continue;
            }
            if (answer.refusal() != null) {
                failures.record(run.routeId, "staged-order", answer.refusal().type().slug(),
                        "Order " + staged.order().key() + " (tracking " + staged.trackingId() + "): " + answer.refusal().getMessage(),
                        null, staged.canonical());
                run.failed++;
                owed.add(answer);
            } else if (answer.booking().alreadyBooked()) {
                run.alreadyBooked++;
            } else {
                run.booked++;
                owed.add(answer);
            }
            done.add(staged);
        }
        stage.remove(done);
        return owed;
    }

    /** What the drain did; recorded as the route's last run when it was scheduled or settled any order. */
    public DrainResult finish(DrainRun run) {
        DrainResult result = new DrainResult(run.routeId, run.booked, run.alreadyBooked, run.failed, run.deferred, 0);
        // The real-time poll finds an order still claimed elsewhere every half second until its claim
        // lapses; that alone is no run to record or log.
        boolean settledAny = run.booked + run.alreadyBooked + run.failed > 0;
        if (run.scheduled || settledAny) {
            runs.record(result);
        }
        if (run.scheduled && result.didAnything() || settledAny) {
            LOG.info("Drained {}: {} booked, {} already booked, {} failed, {} deferred (booking in progress)",
                    run.routeId, run.booked, run.alreadyBooked, run.failed, run.deferred);
        }
        return result;
    }

    /** Ends the drain, however it went: the next one may start and the back office goes on. */
    public void close(DrainRun run) {
        run.close();
    }

    /**
     * One drain of a route: the chunks of its stage, oldest first, each read when the last one is
     * settled. The back office holds off from the first chunk on until the drain is closed.
     */
    public final class DrainRun implements Iterator<StagedChunk> {
        private final String routeId;
        private final boolean scheduled;
        private final Semaphore drain;
        private DrainWindow.Held held;
        private boolean closed;
        private long after;
        private List<StagedOrder> next;
        private int booked;
        private int alreadyBooked;
        private int failed;
        private int deferred;

        private DrainRun(String routeId, boolean scheduled, Semaphore drain) {
            this.routeId = routeId;
            this.scheduled = scheduled;
            this.drain = drain;
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                return false;
            }
            if (next == null) {
                next = stage.oldest(routeId, after, chunkSize);
            }
            if (!next.isEmpty() && held == null) {
                held = window.open();
            }
            return !next.isEmpty();
        }

        @Override
        public StagedChunk next() {
            if (!hasNext()) {
                throw new NoSuchElementException("The stage of " + routeId + " is drained");
            }
            List<StagedOrder> chunk = next;
            next = null;
            after = chunk.get(chunk.size() - 1).id();
            return new StagedChunk(this, chunk);
        }

        /** Not Closeable on purpose: the splitter would close it when it sees the last chunk, before booking it. */
        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (held != null) {
                held.close();
            }
            drain.release();
        }
    }

    /** Staged orders booked together, in one ERP transaction. */
    public record StagedChunk(DrainRun run, List<StagedOrder> staged) {

        public List<Order> orders() {
            return staged.stream().map(StagedOrder::order).toList();
        }
    }
}
