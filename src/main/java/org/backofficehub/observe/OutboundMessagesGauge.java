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
        RecentReading<Map<String, Map<String, Long>>> counts = new RecentReading<>(() -> messages.waiting(routeIds));
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
}
