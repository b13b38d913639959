package org.backofficehub.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.LongSupplier;
import org.apache.camel.CamelContext;
import org.backofficehub.backoffice.OrderEvents;
import org.backofficehub.customer.CustomerFeed;

/**
 * Publishes {@code hub_work_waiting{queue=order-events|customer-touches}}: bookings and shipments
 * the back office has not yet followed up, and contacts the customer master has not yet resolved.
 * Both grow during a drain (their workers hold off) and should return to zero soon after.
 */
public final class WorkQueuesGauge {

    private WorkQueuesGauge() {
    }

    public static void register(CamelContext camel, OrderEvents events, CustomerFeed customers) {
        for (MeterRegistry registry : camel.getRegistry().findByType(MeterRegistry.class)) {
            register(registry, "order-events", events::pending);
            register(registry, "customer-touches", customers::pending);
        }
    }

    private static void register(MeterRegistry registry, String queue, LongSupplier waiting) {
        RecentReading<Long> recent = new RecentReading<>(waiting::getAsLong);
        Gauge.builder("hub.work.waiting", recent::get)
                .description("Work waiting for the back office's workers, by queue")
                .tag("queue", queue)
                .register(registry);
    }
}
