package org.backofficehub.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.backofficehub.outbound.OutboundMessages;

/**
 * Publishes {@code hub_outbound_messages{routeId=...,state=pending|failed}}: what the hub still owes
 * accounting, the web store and partners, and what gave up after its retries (alert on failed > 0).
 */
public final class OutboundMessagesGauge {

    private OutboundMessagesGauge() {
    }

    public static void register(CamelContext camel, OutboundMessages messages, List<String> routeIds) {
        RecentCounts counts = new RecentCounts(messages);
        for (MeterRegistry registry : camel.getRegistry().findByType(MeterRegistry.class)) {
            for (String routeId : routeIds) {
                for (String state : List.of(OutboundMessages.PENDING, OutboundMessages.FAILED)) {
                    Gauge.builder("hub.outbound.messages", () -> counts.get().getOrDefault(routeId, Map.of()).getOrDefault(state, 0L))
                            .description("Outbound messages (invoice documents, notices, partner documents) by state")
                            .tag("routeId", routeId)
                            .tag("state", state)
                            .register(registry);
                }
            }
        }
    }

    /** One count query per scrape, not one per gauge: a scrape reads every gauge within a moment. */
    private static final class RecentCounts {
        private static final long FRESH_NANOS = 1_000_000_000L;
        private final OutboundMessages messages;
        private Map<String, Map<String, Long>> counts = Map.of();
        private long countedAt = System.nanoTime() - FRESH_NANOS;

        RecentCounts(OutboundMessages messages) {
            this.messages = messages;
        }

        synchronized Map<String, Map<String, Long>> get() {
            if (System.nanoTime() - countedAt >= FRESH_NANOS) {
                counts = messages.counts();
                countedAt = System.nanoTime();
            }
            return counts;
        }
    }
}
