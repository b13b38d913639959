package org.backofficehub.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.backofficehub.batch.BookingStage;
import org.backofficehub.modes.RouteModes;
import org.backofficehub.modes.RouteSettings;

/** Publishes {@code hub_staged_orders{routeId=...}}: what each route has staged and not yet drained. */
public final class StagedOrdersGauge {

    private StagedOrdersGauge() {
    }

    public static void register(CamelContext camel, RouteModes modes, BookingStage stage) {
        Set<MeterRegistry> registries = camel.getRegistry().findByType(MeterRegistry.class);
        RecentReading<Map<String, Long>> counts = new RecentReading<>(stage::countsByRoute);
        for (MeterRegistry registry : registries) {
            for (RouteSettings route : modes.all()) {
                Gauge.builder("hub.staged.orders", () -> counts.get().getOrDefault(route.routeId(), 0L))
                        .description("Orders staged in batch mode, not yet drained")
                        .tag("routeId", route.routeId())
                        .register(registry);
            }
        }
    }
}
