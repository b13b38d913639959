package org.backofficehub.modes;

import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Quartz drain route (from the {@code batch-drain} template) per route in batch mode,
 * following mode and schedule changes at runtime. Switching a route back to real time drains
 * what it had staged at once.
 */
public final class BatchScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(BatchScheduler.class);

    private final CamelContext camel;
    private final RouteDrains drain;
    private final ExecutorService background;

    public BatchScheduler(CamelContext camel, RouteDrains drain, ExecutorService background) {
        this.camel = camel;
        this.drain = drain;
        this.background = background;
    }

    public void follow(RouteModes modes) {
        modes.all().forEach(settings -> apply(settings, false));
        modes.onChange(settings -> apply(settings, true));
    }

    public static String drainRouteId(String routeId) {
        return "drain-" + routeId;
    }

    private synchronized void apply(RouteSettings settings, boolean changed) {
        String drainRoute = drainRouteId(settings.routeId());
        try {
            if (camel.getRoute(drainRoute) != null) {
                camel.getRouteController().stopRoute(drainRoute);
                camel.removeRoute(drainRoute);
            }
            if (settings.mode() == RouteMode.BATCH) {
                TemplatedRouteBuilder.builder(camel, "batch-drain")
                        .routeId(drainRoute)
                        .parameter("routeId", settings.routeId())
                        // Quartz endpoint URIs write the cron's spaces as '+'.
                        .parameter("cron", settings.cron().trim().replace(' ', '+'))
                        .add();
                LOG.info("{} is in batch mode, drained on '{}'", settings.routeId(), settings.cron());
            } else {
                if (changed) {
                    LOG.info("{} is in real-time mode; draining what it staged", settings.routeId());
                }
                background.submit(() -> drain.drainLeftovers(settings.routeId()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot reschedule " + settings.routeId() + ": " + e.getMessage(), e);
        }
    }
}
