package org.backofficehub.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.model.ProblemType;

/**
 * The business in {@code /observe/metrics}: counters incremented where each event happens, so a
 * scrape costs no query and an order no more than a few map lookups.
 * <ul>
 *   <li>{@code hub_orders_booked_total{channel,source}}: orders booked for the first time, by the route
 *       they came in by (webstore-orders, inbox-files, shop-orders; a drain counts as its route) and their
 *       source, who numbered them: {@code WEBSTORE}, a shop, or the EDI partner's id;</li>
 *   <li>{@code hub_orders_staged_total{channel,source}}: orders staged in batch mode;</li>
 *   <li>{@code hub_orders_refused_total{channel,problem}}: orders and order documents refused, by problem type;</li>
 *   <li>{@code hub_acknowledgements_sent_total{partner,type}}: CONTRL, 997, 999 and TA1 written to partners;</li>
 *   <li>{@code hub_documents_sent_total{kind,partner}}: documents sent: EDI order responses, invoices and
 *       despatch advices by type and partner; deliveries (invoices to accounting, notices to the web store,
 *       status to shops) by the kind of message and {@code partner="none"}.</li>
 * </ul>
 * Counters start at the first event, as Prometheus expects of counters.
 */
public final class BusinessCounters {

    static final String NONE = "none";
    private static final Set<String> ACKNOWLEDGEMENTS = Set.of("CONTRL", "997", "999", "TA1");
    /** Whoever is refused here was refused as a caller, not as an order: sign-in, permissions, admin requests. */
    private static final Set<ProblemType> NOT_ORDER_REFUSALS = EnumSet.of(ProblemType.UNAUTHORIZED, ProblemType.FORBIDDEN,
            ProblemType.CROSS_ORIGIN_REFUSED, ProblemType.TOO_MANY_SIGN_IN_FAILURES, ProblemType.NOT_FOUND, ProblemType.ORDER_NOT_FOUND,
            ProblemType.ALREADY_RESOLVED, ProblemType.NOTHING_TO_REPLAY, ProblemType.NOT_INVOICED, ProblemType.BOOKING_IN_PROGRESS,
            ProblemType.METHOD_NOT_ALLOWED);
    /** The exchange property naming the channel an order intake is working for (order-intake.camel.yaml). */
    public static final String CHANNEL = "hubChannel";
    private static final String COUNTED = "hubRefusalsCounted";

    private volatile MeterRegistry registry;

    /** The registry camel-micrometer-prometheus serves; events before it is bound (none: it is bound at start) are not counted. */
    public void bind(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The answers of one intake or drain: each booked (for the first time), staged or refused order counted once. */
    public void answered(Exchange exchange, List<?> answers, String channel) {
        boolean refusals = false;
        for (Object item : answers) {
            if (!(item instanceof OrderAnswer answer)) {
                continue;
            }
            if (answer.refusal() != null) {
                if (answer.refusal().type() != ProblemType.BOOKING_IN_PROGRESS) {
                    refused(channel, answer.refusal().type());
                    refusals = true;
                }
            } else if (answer.trackingId() != null) {
                increment("hub.orders.staged", "Orders staged in batch mode", "channel", channel, "source", answer.order().source());
            } else if (answer.booking() != null && !answer.booking().alreadyBooked()) {
                increment("hub.orders.booked", "Orders booked in the ERP for the first time", "channel", channel,
                        "source", answer.order().source());
            }
        }
        if (refusals && exchange != null) {
            // The reply turns a refused answer into an exception the error handler would count again.
            exchange.setProperty(COUNTED, true);
        }
    }

    /** An order intake's failure (error handlers, hub-errors.camel.yaml): counted if it refused an order on a channel. */
    public void refusal(Exchange exchange) {
        String channel = exchange.getProperty(CHANNEL, String.class);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (channel == null || exchange.getProperty(COUNTED) != null || !(failure instanceof InputRejectedException rejected)
                || NOT_ORDER_REFUSALS.contains(rejected.type())) {
            return;
        }
        exchange.setProperty(COUNTED, true);
        refused(channel, rejected.type());
    }

    /** An EDI document written to a partner's outbox (InterchangeRegistry#sent). */
    public void ediDocumentSent(String partner, String documentType) {
        if (ACKNOWLEDGEMENTS.contains(documentType)) {
            increment("hub.acknowledgements.sent", "Acknowledgements sent to partners", "partner", tag(partner), "type", documentType);
        } else {
            increment("hub.documents.sent", "Documents sent", "kind", documentType, "partner", tag(partner));
        }
    }

    /** A message delivered to another system (accounting, the web store, a shop). */
    public void delivered(String kind) {
        increment("hub.documents.sent", "Documents sent", "kind", kind, "partner", NONE);
    }

    private void refused(String channel, ProblemType type) {
        increment("hub.orders.refused", "Orders refused", "channel", tag(channel), "problem", type.slug());
    }

    private void increment(String name, String description, String... tags) {
        MeterRegistry meters = registry;
        if (meters != null) {
            Counter.builder(name).description(description).tags(tags).register(meters).increment();
        }
    }

    private static String tag(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
