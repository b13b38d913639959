package org.backofficehub.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.awaitility.Awaitility;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 22: a web order's trace, exported over OTLP/HTTP to a receiver as a collector would take it. */
class TracingTest {

    private final List<Span> received = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (exchange) {
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes());
                for (ResourceSpans resource : request.getResourceSpansList()) {
                    for (ScopeSpans scope : resource.getScopeSpansList()) {
                        received.addAll(scope.getSpansList());
                    }
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
            }
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void aWebOrdersTraceCoversTheHttpRouteTheBookingAndTheFollowUpUnderOneTraceId() {
        String endpoint = "http://localhost:" + collector.getAddress().getPort() + "/v1/traces";
        try (RunningHub hub = RunningHub.start(Map.of("hub.tracing.enabled", "true", "hub.tracing.otlp-endpoint", endpoint))) {
            assertThat(hub.postJson("/api/orders", TestOrders.webOrderJson("WEB-TRACED-1", "SKU-1001", 1)
                    .getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);

            Awaitility.await("the order's spans at the collector").atMost(Duration.ofSeconds(20))
                    .until(() -> traceOf("book-orders") != null && traceOf("order-follow-up") != null);
            String traceId = traceOf("book-orders");
            List<Span> trace = received.stream().filter(span -> hex(span).equals(traceId)).toList();
            List<String> names = trace.stream().map(Span::getName).toList();
            assertThat(names).as("spans of the order's trace: %s", describe())
                    .contains("/api/orders", "read-posted-json-order", "accept-orders", "book-orders", "order-follow-up");
            // The follow-up (invoice, notices) ran later from the hub store's queue, and still joined the order's trace.
            assertThat(trace).filteredOn(span -> span.getName().equals("order-follow-up")).singleElement().satisfies(followUp ->
                    assertThat(followUp.getAttributesList()).anySatisfy(attribute -> {
                        assertThat(attribute.getKey()).isEqualTo("hub.order.id");
                        assertThat(attribute.getValue().getStringValue()).isEqualTo("WEB-TRACED-1");
                    }));
            assertThat(received).as("the real-time schedules' ticks are not traced").noneMatch(span -> span.getName().startsWith("drain-"));
            // The HTTP request is the trace's root, which every other span descends from.
            assertThat(trace).filteredOn(span -> span.getParentSpanId().isEmpty()).singleElement()
                    .satisfies(root -> assertThat(root.getName()).isEqualTo("/api/orders"));
        }
    }

    @Test
    void offNothingOfTracingIsInTheContext() {
        try (RunningHub hub = RunningHub.start()) {
            assertThat(hub.camel().hasService(OpenTelemetryTracer.class)).isNull();
            assertThat(hub.camel().getRoutePolicyFactories()).noneMatch(factory -> factory instanceof OpenTelemetryTracer);
        }
    }

    /** The trace id of the first span with this name, or null. */
    private String traceOf(String spanName) {
        return received.stream().filter(span -> span.getName().equals(spanName)).map(TracingTest::hex).findFirst().orElse(null);
    }

    private String describe() {
        return received.stream().map(span -> hex(span).substring(0, 8) + ":" + span.getName()).collect(Collectors.joining(", "));
    }

    private static String hex(Span span) {
        return HexFormat.of().formatHex(span.getTraceId().toByteArray());
    }
}
