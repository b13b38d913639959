package org.backofficehub.modes;

import org.backofficehub.util.CamelWrapping;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.ProducerTemplate;
import org.backofficehub.batch.DrainResult;
import org.backofficehub.batch.DrainRuns;

/**
 * The drain of each route with a mode, whatever the route does (it books what it staged, or
 * delivers what waits for it): every such route has one at {@code direct:drain-<route id>}. Run
 * now comes through here; the schedule routes call it directly.
 */
public final class RouteDrains {

    /** An exchange header: the drain is the route's schedule or run now (recorded as its last run even if empty). */
    public static final String SCHEDULED = "hubDrainScheduled";

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final DrainRuns runs;

    public RouteDrains(CamelContext camel, DrainRuns runs) {
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
        this.runs = runs;
    }

    public static String endpoint(String routeId) {
        return "direct:drain-" + routeId;
    }

    /** Drains the route now and says what it did. */
    public DrainResult drain(String routeId) throws InvalidPayloadException {
        Exchange drained = producer.send(endpoint(routeId), exchange -> {
            exchange.getMessage().setHeader(SCHEDULED, true);
            exchange.setProperty(RouteActivity.COUNTED_BY_ROUTE, true);
        });
        if (drained.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeException(CamelWrapping.unwrap(drained.getException()));
        }
        return drained.getMessage().getMandatoryBody(DrainResult.class);
    }

    public Optional<DrainRuns.LastRun> lastRun(String routeId) {
        return runs.lastRun(routeId);
    }

    /** Refuses to start a hub whose route with a mode has no drain: its schedule would fail at every run. */
    public void requireDrain(String routeId) {
        Endpoint drain = camel.hasEndpoint(endpoint(routeId));
        if (drain == null) {
            throw new IllegalStateException("Route " + routeId + " has a mode (hub.routes) but no drain: no route consumes "
                    + endpoint(routeId));
        }
    }
}
