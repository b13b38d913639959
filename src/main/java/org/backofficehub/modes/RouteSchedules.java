package org.backofficehub.modes;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one schedule route per route with a mode, following mode and schedule changes at runtime
 * (templates in {@code routes/batch-drains.camel.yaml}): in batch mode its Quartz cron, in real
 * time a short timer. Both run the route's drain; in real time that only takes what was left
 * staged or is waiting for a retry, as what arrives is handled at once.
 */
public final class RouteSchedules {

    private static final Logger LOG = LoggerFactory.getLogger(RouteSchedules.class);

    private final CamelContext camel;

    public RouteSchedules(CamelContext camel) {
        this.camel = camel;
    }

    public void follow(RouteModes modes) {
        modes.all().forEach(settings -> apply(settings, false));
        modes.onChange(settings -> apply(settings, true));
    }

    static String scheduleRouteId(String routeId) {
        return "schedule-" + routeId;
    }

    private synchronized void apply(RouteSettings settings, boolean changed) {
        String scheduleRoute = scheduleRouteId(settings.routeId());
        try {
            if (camel.getRoute(scheduleRoute) != null) {
                camel.getRouteController().stopRoute(scheduleRoute);
                camel.removeRoute(scheduleRoute);
            }
            if (settings.mode() == RouteMode.BATCH) {
                TemplatedRouteBuilder.builder(camel, "batch-schedule")
                        .routeId(scheduleRoute)
                        .parameter("routeId", settings.routeId())
                        // Quartz endpoint URIs write the cron's spaces as '+'.
                        .parameter("cron", settings.cron().trim().replace(' ', '+'))
                        .add();
                LOG.info("{} is in batch mode, drained on '{}'", settings.routeId(), settings.cron());
            } else {
                TemplatedRouteBuilder.builder(camel, "realtime-schedule")
                        .routeId(scheduleRoute)
                        .parameter("routeId", settings.routeId())
                        .add();
                if (changed) {
                    LOG.info("{} is in real-time mode; what it staged is drained now", settings.routeId());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot reschedule " + settings.routeId() + ": " + e.getMessage(), e);
        }
    }
}
