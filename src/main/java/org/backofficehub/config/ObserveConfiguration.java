package org.backofficehub.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.mdc.MDCService;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.observe.BusinessCounters;
import org.backofficehub.observe.DocumentKeys;
import org.backofficehub.observe.FollowUpTraces;
import org.backofficehub.observe.Tracing;
import org.backofficehub.outbound.OutboundDeliveries;
import org.backofficehub.outbound.OutboundMessage;

/**
 * What an operator watches the hub by, beyond health: the document keys on log lines, business
 * counters and connection pools in {@code /observe/metrics} (the JVM's are camel.metrics.binders),
 * and traces when {@code hub.tracing.enabled}.
 */
public class ObserveConfiguration implements CamelConfiguration {

    private static final String PARTNER_DOCUMENTS = "partner-documents";

    /** Seconds: from a web order booked at once to a drain of thousands. */
    private static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    @BindToRegistry
    public DocumentKeys documentKeys() {
        return new DocumentKeys();
    }

    @BindToRegistry
    public BusinessCounters businessCounters() {
        return new BusinessCounters();
    }

    @Override
    public void configure(CamelContext camel) throws Exception {
        // The document's keys (exchange properties the routes set) into the MDC around every step and log EIP.
        // Set up here: camel-main's camel.mdc.customExchangeProperties names a property camel-mdc 4.17.0's
        // service does not have (customProperties), and the hub would not start.
        // The routes' processing times with buckets, for p99 latency in Prometheus (camel_route_policy_seconds_bucket).
        // On camel-micrometer-prometheus's registry, which exists by now, before any route has its timer.
        MeterRegistry served = camel.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (served != null) {
            served.config().meterFilter(latencyBuckets());
        }
        MDCService mdc = new MDCService();
        mdc.setCustomProperties(String.join(",", DocumentKeys.PROPERTIES));
        mdc.init(camel);
        // Before the routes start, so that the first request is traced; when off, nothing is added at all.
        if (Boolean.parseBoolean(setting(camel, "hub.tracing.enabled"))) {
            io.opentelemetry.api.trace.Tracer tracer = Tracing.install(camel, setting(camel, "hub.tracing.otlp-endpoint"),
                    setting(camel, "hub.tracing.service-name"), Double.parseDouble(setting(camel, "hub.tracing.sample-ratio")));
            camel.getRegistry().bind("followUpTraces", FollowUpTraces.with(tracer));
        } else {
            camel.getRegistry().bind("followUpTraces", FollowUpTraces.off());
        }
        FullyStarted.then(camel, context -> {
            var registry = context.getRegistry();
            MeterRegistry meters = registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class);
            if (meters == null) {
                return; // camel.metrics.enabled = false: nothing to count into
            }
            BusinessCounters counters = registry.findSingleByType(BusinessCounters.class);
            counters.bind(meters);
            registry.findSingleByType(InterchangeRegistry.class).onSent(counters::ediDocumentSent);
            registry.findSingleByType(OutboundDeliveries.class).onDelivered((OutboundMessage message) -> {
                // A partner's document is counted by its EDI type as it is written (onSent above), not twice.
                if (!PARTNER_DOCUMENTS.equals(message.routeId())) {
                    counters.delivered(message.kind());
                }
            });
            // Each pool (hub-store, erp) as hikaricp_connections_* {pool=...}: active, idle, pending, timeouts, wait times.
            for (String name : new String[] {"hubStore", "erpDataSource"}) {
                if (registry.lookupByName(name) instanceof HikariDataSource pool && pool.getMetricsTrackerFactory() == null) {
                    pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
                }
            }
        });
    }

    /** A few fixed buckets, not Micrometer's percentile histogram: that is some 70 series per route. */
    private static MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("camel.route.policy")) {
                    return config;
                }
                // A timer's objectives are in nanoseconds.
                double[] nanos = java.util.Arrays.stream(LATENCY_BUCKETS).map(seconds -> seconds * 1e9).toArray();
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }

    private static String setting(CamelContext camel, String key) {
        return camel.getPropertiesComponent().resolveProperty(key)
                .orElseThrow(() -> new IllegalStateException("Setting " + key + " is missing; config/application.properties has every setting"))
                .trim();
    }
}
