package org.backofficehub.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.backofficehub.modes.RouteActivity;
import org.backofficehub.store.FailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what the hub owes other systems, route by route. In real time a short timer delivers
 * whatever is due; a route in batch mode is delivered only by its schedule (or run now). A failed
 * delivery is retried with back-off; after the last attempt the message becomes a failure record
 * with its payload, which an administrator replays once the receiver is back.
 */
public final class OutboundDispatcher {

    public static final String FAILURE_KIND = "outbound-message";
    private static final Logger LOG = LoggerFactory.getLogger(OutboundDispatcher.class);
    private static final int ROUND = 500;

    private final OutboundMessages store;
    private final Map<String, Delivery> deliveries;
    private final FailureLog failures;
    private final RetryPolicy retries;
    private final Predicate<String> inBatchMode;
    private final RouteActivity activity;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    private static final Outcome NOTHING = new Outcome(0, 0, 0);

    public record Outcome(int delivered, int retrying, int failed) {
        Outcome plus(Outcome other) {
            return new Outcome(delivered + other.delivered, retrying + other.retrying, failed + other.failed);
        }
    }

    public OutboundDispatcher(OutboundMessages store, Map<String, Delivery> deliveries, FailureLog failures, RetryPolicy retries,
                              Predicate<String> inBatchMode, RouteActivity activity) {
        this.store = store;
        this.deliveries = Map.copyOf(deliveries);
        this.failures = failures;
        this.retries = retries;
        this.inBatchMode = inBatchMode;
        this.activity = activity;
    }

    public boolean handles(String routeId) {
        return deliveries.containsKey(routeId);
    }

    /**
     * The real-time round of one route (its timer): what is due, unless the route is in batch mode
     * or a round of it is already running.
     */
    public Outcome deliverDue(String routeId) {
        if (!handles(routeId) || inBatchMode.test(routeId)) {
            return NOTHING;
        }
        ReentrantLock lock = lock(routeId);
        if (!lock.tryLock()) {
            return NOTHING;
        }
        try {
            return deliverAll(routeId);
        } finally {
            lock.unlock();
        }
    }

    /** For the routes' timers: a round, counted as the messages it delivered and failed. */
    public void deliverDue(Exchange exchange) {
        exchange.setProperty(RouteActivity.COUNTED_BY_ROUTE, true);
        String routeId = exchange.getFromRouteId();
        Outcome outcome = deliverDue(routeId);
        activity.add(routeId, outcome.delivered(), outcome.failed());
    }

    /** A batch drain or run now: everything due on the route, waiting for a round in progress to finish. */
    public Outcome deliver(String routeId) {
        ReentrantLock lock = lock(routeId);
        lock.lock();
        try {
            Outcome outcome = deliverAll(routeId);
            activity.add(routeId, outcome.delivered(), outcome.failed());
            return outcome;
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock lock(String routeId) {
        return running.computeIfAbsent(routeId, r -> new ReentrantLock());
    }

    private Outcome deliverAll(String routeId) {
        Delivery delivery = deliveries.get(routeId);
        Outcome total = new Outcome(0, 0, 0);
        while (true) {
            List<OutboundMessage> due = store.due(routeId, ROUND);
            if (due.isEmpty()) {
                return total;
            }
            List<OutboundMessage> batch = delivery.coalesce(due, store);
            Outcome round = new Outcome(0, 0, 0);
            // Marked delivered together, once per round: one commit for hundreds of files. A crash before
            // it delivers them again, which every delivery tolerates (same file name, same notice id).
            List<OutboundMessage> delivered = new ArrayList<>(batch.size());
            for (int from = 0; from < batch.size(); from += delivery.perDelivery()) {
                List<OutboundMessage> messages = batch.subList(from, Math.min(batch.size(), from + delivery.perDelivery()));
                Outcome attempt = attempt(routeId, delivery, messages);
                if (attempt.delivered() > 0) {
                    delivered.addAll(messages);
                }
                round = round.plus(attempt);
            }
            if (!delivered.isEmpty()) {
                store.delivered(delivered);
            }
            total = total.plus(round);
            if (round.delivered() == 0 || due.size() < ROUND) {
                // Nothing got through (the receiver is down): the rest waits for its retry time.
                return total;
            }
        }
    }

    private Outcome attempt(String routeId, Delivery delivery, List<OutboundMessage> messages) {
        try {
            delivery.deliver(messages);
        } catch (Exception e) {
            return failedAttempt(routeId, messages, e);
        }
        return new Outcome(messages.size(), 0, 0);
    }

    private Outcome failedAttempt(String routeId, List<OutboundMessage> messages, Exception e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        List<OutboundMessage> again = new ArrayList<>();
        int failed = 0;
        for (OutboundMessage message : messages) {
            int attempt = message.attempts() + 1;
            if (attempt >= retries.maxAttempts()) {
                long failureId = failures.record(routeId, FAILURE_KIND, "delivery-failed",
                        "Not delivered after " + attempt + " attempts: " + error, message.name(), message.payload());
                store.failed(message, error, failureId);
                LOG.warn("{} {} {} not delivered after {} attempts, recorded as failure {}: {}", routeId, message.kind(),
                        message.name(), attempt, failureId, error);
                failed++;
            } else {
                again.add(message);
            }
        }
        if (!again.isEmpty()) {
            int attempt = again.get(0).attempts() + 1;
            store.retryLater(again, error, retries.delayAfter(attempt));
            LOG.info("{}: delivery of {} message(s) failed (attempt {}), retrying in {}: {}", routeId, again.size(), attempt,
                    retries.delayAfter(attempt), error);
        }
        return new Outcome(0, again.size(), failed);
    }
}
