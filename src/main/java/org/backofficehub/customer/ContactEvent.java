package org.backofficehub.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One interaction with a customer: an order, its confirmation, an invoice, an error. Recorded once
 * per {@code eventKey}, however often the input that caused it is delivered.
 */
public record ContactEvent(String eventKey, String kind, String channel, String reference, BigDecimal amount,
                           String currency, String detail, Instant occurredAt) {

    public static final String ORDER = "order";
    public static final String ORDER_REJECTED = "order-rejected";
    public static final String CONFIRMATION = "confirmation";
    public static final String ACKNOWLEDGEMENT = "acknowledgement";
    public static final String INVOICE = "invoice";
    public static final String STATUS = "status";
    public static final String SHIPMENT = "shipment";

    public ContactEvent {
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
