package org.backofficehub.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.backofficehub.outbound.OutboundMessage;

/**
 * An order event published to Kafka: the notice's JSON as the web store's callbacks carry it,
 * keyed by the order's id, so that every event of an order lands on one partition, in order.
 */
public final class KafkaEvents {

    private final ObjectMapper json;

    public KafkaEvents(ObjectMapper json) {
        this.json = json;
    }

    /** The record's key: the order's id, as the web store numbered it (the event's JSON also names its source). */
    public String key(OutboundMessage event) {
        try {
            return json.readTree(event.payload()).path("orderId").asText(event.name());
        } catch (IOException e) {
            throw new UncheckedIOException("Event " + event.name() + " is not JSON", e);
        }
    }
}
