package org.backofficehub.observe;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backofficehub.backoffice.FollowUpBatch;
import org.backofficehub.backoffice.OrderEvents;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderKey;

/**
 * Carries an order's trace across the hub store's queue: its follow-up (invoice, postings, notices,
 * partner documents) runs later, in a batch of many orders' events, on a timer's exchange of its
 * own. The span of the exchange that books the order is remembered by order, in memory, and each
 * event followed up adds an {@code order-follow-up} span to that trace, from the batch's start to its
 * commit. Best effort: after a restart, or beyond the last {@value #MOST_REMEMBERED} orders, a
 * follow-up is not traced. Off (tracing off), every call returns at once.
 */
public final class FollowUpTraces {

    static final int MOST_REMEMBERED = 10_000;

    private final Tracer tracer;
    private final Map<OrderKey, SpanContext> remembered = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<OrderKey, SpanContext> eldest) {
            return size() > MOST_REMEMBERED;
        }
    };

    private FollowUpTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    public static FollowUpTraces off() {
        return new FollowUpTraces(null);
    }

    public static FollowUpTraces with(Tracer tracer) {
        return new FollowUpTraces(tracer);
    }

    /** Before the orders are booked (accept-orders): the exchange's current span is their trace. */
    public void remember(List<?> orders) {
        if (tracer == null || orders == null) {
            return;
        }
        SpanContext current = Span.current().getSpanContext();
        if (!current.isValid()) {
            return;
        }
        synchronized (remembered) {
            for (Object item : orders) {
                if (item instanceof Order order) {
                    remembered.put(order.key(), current);
                }
            }
        }
    }

    /** After the batch is committed: a span in each remembered order's trace. */
    public void followedUp(FollowUpBatch batch, Date started) {
        if (tracer == null || batch == null || batch.isEmpty()) {
            return;
        }
        Instant start = started == null ? Instant.now() : started.toInstant();
        for (OrderEvents.Stored stored : batch.events()) {
            SpanContext booking;
            synchronized (remembered) {
                booking = remembered.remove(stored.event().order().key());
            }
            if (booking != null) {
                tracer.spanBuilder("order-follow-up").setParent(Context.root().with(Span.wrap(booking))).setStartTimestamp(start)
                        .setAttribute("hub.order.id", stored.event().order().orderId())
                        .setAttribute("hub.order.source", stored.event().order().source())
                        .setAttribute("hub.order.event", stored.event().kind())
                        .setAttribute("hub.follow-up.batch", batch.size())
                        .startSpan().end();
            }
        }
    }
}
