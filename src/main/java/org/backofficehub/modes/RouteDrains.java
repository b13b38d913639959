package org.backofficehub.modes;

import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.backofficehub.batch.BatchDrain.DrainResult;
import org.backofficehub.outbound.OutboundDispatcher;
import org.backofficehub.batch.BatchDrain;
import org.backofficehub.batch.DrainRuns;

/**
 * The batch of each route in batch mode, whatever the route does: an order route books what it
 * staged ({@link BatchDrain}), a delivery route (accounting export, web-store notices) delivers
 * what waits for it ({@link OutboundDispatcher}). The Quartz drain routes, run now and the switch
 * back to real time all come through here.
 */
public final class RouteDrains implements Processor {

    public static final String ROUTE_HEADER = "hubDrainRouteId";

    private final BatchDrain stagedOrders;
    private final OutboundDispatcher deliveries;
    private final DrainRuns runs;

    public RouteDrains(BatchDrain stagedOrders, OutboundDispatcher deliveries, DrainRuns runs) {
        this.stagedOrders = stagedOrders;
        this.deliveries = deliveries;
        this.runs = runs;
    }

    /** The scheduled drain: the route id comes from the drain route's header. */
    @Override
    public void process(Exchange exchange) {
        drain(exchange.getMessage().getHeader(ROUTE_HEADER, String.class));
    }

    /** A scheduled drain or run now; recorded as the route's last run. */
    public DrainResult drain(String routeId) {
        return deliveries.handles(routeId) ? deliver(routeId, true) : stagedOrders.drain(routeId);
    }

    /** What a route left (after switching to real time, or a crash), if anything. */
    public DrainResult drainLeftovers(String routeId) {
        return deliveries.handles(routeId) ? deliver(routeId, false) : stagedOrders.drainLeftovers(routeId);
    }

    public Optional<DrainRuns.LastRun> lastRun(String routeId) {
        return runs.lastRun(routeId);
    }

    private DrainResult deliver(String routeId, boolean recordEmptyRun) {
        OutboundDispatcher.Outcome outcome = deliveries.deliver(routeId);
        DrainResult result = new DrainResult(routeId, 0, 0, outcome.failed(), outcome.retrying(), outcome.delivered());
        if (recordEmptyRun || outcome.delivered() + outcome.failed() > 0) {
            runs.record(result);
        }
        return result;
    }
}
