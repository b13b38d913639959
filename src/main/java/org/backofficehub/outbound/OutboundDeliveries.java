package org.backofficehub.outbound;

import org.backofficehub.util.CamelWrapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.backofficehub.batch.DrainResult;
import org.backofficehub.batch.DrainRuns;
import org.backofficehub.store.FailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what the hub owes another system, in the steps of the delivery template
 * ({@code routes/deliveries.camel.yaml}): {@link #start} a run of the route's queue, and for each
 * delivery it hands out ({@link #hasNext}, {@link #next}) say whether it was {@link #delivered} or
 * its attempt failed ({@link #attemptFailed}); then {@link #finish} and {@link #close}. A failed
 * attempt is retried with back-off; after the last one the message becomes a failure record with
 * its payload, which an administrator replays once the receiver is back.
 */
public final class OutboundDeliveries {

    private volatile java.util.function.Consumer<OutboundMessage> deliveredListener = message -> { };

    public static final String FAILURE_KIND = "outbound-message";
    private static final Logger LOG = LoggerFactory.getLogger(OutboundDeliveries.class);
    /** Messages read and marked delivered per hub-store round trip. */
    private static final int ROUND = 500;

    private final OutboundMessages store;
    private final FailureLog failures;
    private final RetryPolicy retries;
    private final DrainRuns runs;
    private final Map<String, Semaphore> running = new ConcurrentHashMap<>();

    public OutboundDeliveries(OutboundMessages store, FailureLog failures, RetryPolicy retries, DrainRuns runs) {
        this.store = store;
        this.failures = failures;
        this.retries = retries;
        this.runs = runs;
    }

    /**
     * A run over what is due on the route, once the run in progress (if any) has ended.
     *
     * @param perDelivery messages one delivery carries at most
     * @param markEach    each delivery marked delivered at once, for receivers that cannot recognise a repeat
     * @param scheduled   its schedule or run now, recorded as the route's last run (a real-time poll is not)
     */
    public DeliveryRun start(String routeId, int perDelivery, boolean markEach, boolean scheduled) {
        Semaphore route = running.computeIfAbsent(routeId, id -> new Semaphore(1));
        route.acquireUninterruptibly();
        return new DeliveryRun(routeId, perDelivery, markEach, scheduled, route);
    }

    /**
     * Never throws: the route asks it in its loop's condition, where Camel would wrap a failure;
     * a failure to read the queue is thrown by {@link #next}, a step of the route, as it is.
     */
    public boolean hasNext(DeliveryRun run) {
        try {
            return run.hasNext();
        } catch (RuntimeException e) {
            run.failure = e;
            return true;
        }
    }

    /** The next delivery's messages, in the order they were queued. */
    public List<OutboundMessage> next(DeliveryRun run) {
        if (run.failure != null) {
            throw run.failure;
        }
        return run.next();
    }

    /** Told of every message delivered (the metrics count them by kind). */
    public void onDelivered(java.util.function.Consumer<OutboundMessage> listener) {
        this.deliveredListener = listener;
    }

    public void delivered(DeliveryRun run, List<OutboundMessage> messages) {
        messages.forEach(deliveredListener);
        run.delivered.addAll(messages);
        run.roundDelivered += messages.size();
        run.deliveredTotal += messages.size();
        if (run.markEach) {
            run.flush();
        }
    }

    public void attemptFailed(DeliveryRun run, List<OutboundMessage> messages, Exception failure) {
        Throwable cause = CamelWrapping.unwrap(failure);
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        List<OutboundMessage> again = new ArrayList<>();
        for (OutboundMessage message : messages) {
            int attempt = message.attempts() + 1;
            if (attempt >= retries.maxAttempts()) {
                long failureId = failures.record(run.routeId, FAILURE_KIND, "delivery-failed",
                        "Not delivered after " + attempt + " attempts: " + error, message.name(), message.payload());
                store.failed(message, error, failureId);
                LOG.warn("{} {} {} not delivered after {} attempts, recorded as failure {}: {}", run.routeId, message.kind(),
                        message.name(), attempt, failureId, error);
                run.failed++;
            } else {
                again.add(message);
            }
        }
        if (!again.isEmpty()) {
            int attempt = again.get(0).attempts() + 1;
            store.retryLater(again, error, retries.delayAfter(attempt));
            LOG.info("{}: delivery of {} message(s) failed (attempt {}), retrying in {}: {}", run.routeId, again.size(), attempt,
                    retries.delayAfter(attempt), error);
            run.retrying += again.size();
        }
    }

    /** What the run did; recorded as the route's last run when it was its schedule or run now, not a real-time poll. */
    public DrainResult finish(DeliveryRun run) {
        run.flush();
        DrainResult result = new DrainResult(run.routeId, 0, 0, run.failed, run.retrying, run.deliveredTotal);
        if (run.scheduled) {
            runs.record(result);
        }
        return result;
    }

    /** Ends the run, however it went: the next one may start. */
    public void close(DeliveryRun run) {
        run.close();
    }

    /**
     * One run of a route's queue: rounds of up to {@value #ROUND} due messages, each handed out in
     * deliveries of {@code perDelivery}. A round's deliveries are marked delivered together, one
     * commit for hundreds of files; a crash before it delivers them again, which receivers that
     * recognise a repeat tolerate (the same file name, the same notice id). For those that cannot,
     * each delivery is marked as it gets through ({@code markEach}). A round in which nothing got through
     * ends the run: the receiver is away, and the rest waits for its retry time.
     */
    public final class DeliveryRun {
        private final String routeId;
        private final int perDelivery;
        private final boolean markEach;
        private final boolean scheduled;
        private final Semaphore route;
        private final List<OutboundMessage> delivered = new ArrayList<>();
        private List<OutboundMessage> round = List.of();
        private int position;
        private boolean lastRound;
        private int roundDelivered;
        private int deliveredTotal;
        private int failed;
        private int retrying;
        private boolean closed;
        private RuntimeException failure;

        private DeliveryRun(String routeId, int perDelivery, boolean markEach, boolean scheduled, Semaphore route) {
            this.routeId = routeId;
            this.perDelivery = Math.max(1, perDelivery);
            this.markEach = markEach;
            this.scheduled = scheduled;
            this.route = route;
        }

        boolean hasNext() {
            if (position < round.size()) {
                return true;
            }
            boolean firstRound = round.isEmpty() && !lastRound;
            if (!firstRound && (lastRound || roundDelivered == 0)) {
                return false;
            }
            flush();
            round = store.due(routeId, ROUND);
            position = 0;
            roundDelivered = 0;
            lastRound = round.size() < ROUND;
            if (round.isEmpty()) {
                lastRound = true;
            }
            return !round.isEmpty();
        }

        List<OutboundMessage> next() {
            List<OutboundMessage> delivery = round.subList(position, Math.min(round.size(), position + perDelivery));
            position += delivery.size();
            return List.copyOf(delivery);
        }

        private void flush() {
            if (!delivered.isEmpty()) {
                store.delivered(delivered);
                delivered.clear();
            }
        }

        private synchronized void close() {
            if (!closed) {
                closed = true;
                route.release();
            }
        }
    }
}
