package org.backofficehub.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.tracking.DocumentJournal;
import org.backofficehub.tracking.OverdueAcknowledgements;

/**
 * Publishes {@code hub_overdue_acknowledgements{partner}}: documents sent to a partner whose
 * CONTRL/997/999 has not come back within its profile's {@code ack.expected-within} (partners with
 * a window only), and {@code hub_tracking_waiting}: tracked documents not yet written to the store.
 * One count per partner, read at most once a second for all of them together.
 */
public final class OverdueAcknowledgementsGauge {

    private OverdueAcknowledgementsGauge() {
    }

    public static void register(CamelContext camel, OverdueAcknowledgements overdue, DocumentJournal journal) {
        for (MeterRegistry registry : camel.getRegistry().findByType(MeterRegistry.class)) {
            RecentReading<Map<String, Long>> counts = new RecentReading<>(overdue::countByPartner);
            for (PartnerProfile partner : overdue.withWindow(null)) {
                Gauge.builder("hub.overdue.acknowledgements", () -> counts.get().getOrDefault(partner.partnerId(), 0L))
                        .description("Documents sent whose acknowledgement is overdue (the partner profile's ack.expected-within)")
                        .tag("partner", partner.partnerId())
                        .register(registry);
            }
            Gauge.builder("hub.tracking.waiting", journal::pending)
                    .description("Tracked documents not yet written to the hub store")
                    .register(registry);
        }
    }
}
