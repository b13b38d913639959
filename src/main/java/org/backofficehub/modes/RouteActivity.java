package org.backofficehub.modes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.Exchange;
import org.apache.camel.support.EventNotifierSupport;
import org.backofficehub.batch.DrainResult;

/**
 * Counts, per route, the messages it finished and those that failed (including rejections
 * answered with a problem), for the admin console. Counts since start; metrics have the rest.
 */
public final class RouteActivity extends EventNotifierSupport {

    /** An exchange property: the route counts its messages itself ({@link #add}), not its exchanges (timer ticks). */
    public static final String COUNTED_BY_ROUTE = "hubCountedByRoute";

    public record Counts(long processed, long failed) {
    }

    private final Map<String, LongAdder> processed = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();

    public RouteActivity() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeEvent exchangeEvent
                && (event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent)) {
            Exchange exchange = exchangeEvent.getExchange();
            String routeId = exchange.getFromRouteId();
            if (routeId == null || exchange.getProperty(COUNTED_BY_ROUTE) != null) {
                return;
            }
            boolean failure = exchange.isFailed() || exchange.getProperty(Exchange.EXCEPTION_CAUGHT) != null;
            (failure ? failed : processed).computeIfAbsent(routeId, id -> new LongAdder()).increment();
        }
    }

    /** What a delivery route's drain did: its messages, not the drain's exchange, are what it processed. */
    public void count(DrainResult drained) {
        add(drained.routeId(), drained.delivered(), drained.failed());
    }

    /** Messages a route handled outside the exchanges that triggered it (a delivery round). */
    public void add(String routeId, long processedMessages, long failedMessages) {
        if (processedMessages > 0) {
            processed.computeIfAbsent(routeId, id -> new LongAdder()).add(processedMessages);
        }
        if (failedMessages > 0) {
            failed.computeIfAbsent(routeId, id -> new LongAdder()).add(failedMessages);
        }
    }

    public Counts of(String routeId) {
        return new Counts(sum(processed.get(routeId)), sum(failed.get(routeId)));
    }

    private static long sum(LongAdder adder) {
        return adder == null ? 0 : adder.sum();
    }
}
