package org.backofficehub.observe;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.apache.camel.support.service.ServiceSupport;

/**
 * OpenTelemetry tracing of the routes (camel-opentelemetry2), exported over OTLP/HTTP (protobuf) to
 * a collector, Jaeger or Tempo. Only switched on when {@code hub.tracing.enabled}: off, nothing of it
 * is in the CamelContext, so an exchange costs what it did before. W3C trace context is read from an
 * incoming request's {@code traceparent} header, so a caller's trace continues through the hub.
 */
public final class Tracing extends ServiceSupport {

    private final OpenTelemetrySdk sdk;

    private Tracing(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
    }

    /**
     * @param endpoint    the OTLP/HTTP traces URL, e.g. {@code http://collector:4318/v1/traces}
     * @param sampleRatio the share of traces kept (1.0 all); a caller's sampling decision is followed
     */
    /** @return the tracer, for spans of the hub's own (FollowUpTraces) */
    public static io.opentelemetry.api.trace.Tracer install(CamelContext camel, String endpoint, String serviceName, double sampleRatio)
            throws Exception {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(endpoint).setTimeout(Duration.ofSeconds(10)).build();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), serviceName))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(sampleRatio)))
                // Exported in the background, in batches: a slow or absent collector never holds up an order.
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setScheduleDelay(Duration.ofSeconds(1)).build())
                .build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        // camel-opentelemetry2 takes the tracer and the propagators from the registry (not the JVM-wide GlobalOpenTelemetry).
        io.opentelemetry.api.trace.Tracer hubTracer = sdk.getTracer("backoffice-hub");
        camel.getRegistry().bind("openTelemetryTracer", io.opentelemetry.api.trace.Tracer.class, hubTracer);
        camel.getRegistry().bind("openTelemetryPropagators", ContextPropagators.class, sdk.getPropagators());
        // Stopped with the context, after the routes: what was traced until then is flushed to the collector.
        camel.addService(new Tracing(sdk));
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        // The schedules and what they call on every tick (each route's drain, twice a second in real time; the
        // shops' pulls) would be traces of nothing, several a second. What a drain books is traced from
        // book-orders on; a drain's work shows in the metrics and the log.
        tracer.setExcludePatterns("timer:*,quartz:*,direct:drain-*,direct:pull-shops");
        tracer.init(camel);
        return hubTracer;
    }

    @Override
    protected void doStop() {
        sdk.getSdkTracerProvider().forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
        sdk.close();
    }
}
