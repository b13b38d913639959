package org.backofficehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Arrays;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.backofficehub.backoffice.Notices;
import org.backofficehub.kafka.KafkaEvents;
import org.backofficehub.kafka.KafkaOrderRecords;
import org.backofficehub.store.FailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders through Kafka (routes/kafka-orders.camel.yaml): off while hub.kafka.brokers is empty; set,
 * the consumer route is added from its template once the routes are loaded, like a shop's. And the
 * order events out to hub.kafka.events-topic (routes/kafka-events.camel.yaml), if it is set too.
 */
public class KafkaConfiguration implements CamelConfiguration {

    /** The route that consumes the order topic; real time only, so it must not have a mode. */
    static final String ORDERS_ROUTE = "kafka-orders";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaConfiguration.class);

    @BindToRegistry(lazy = true)
    public KafkaOrderRecords kafkaOrderRecords(FailureLog failures, @PropertyInject("hub.max-input-bytes") long maxPayloadBytes) {
        return new KafkaOrderRecords(failures, maxPayloadBytes);
    }

    /**
     * The follow-up's step that queues the order events (booked, rejected, confirmed, invoiced, shipped) for
     * route kafka-events to publish, in the web store's notices' JSON; nothing is queued unless
     * hub.kafka.events-topic and hub.kafka.brokers are both set.
     */
    @BindToRegistry(lazy = true)
    public Notices kafkaEventNotices(@BeanInject("noticeJson") ObjectMapper noticeJson, Clock clock,
                                     @PropertyInject("hub.kafka.brokers") String brokers,
                                     @PropertyInject("hub.kafka.events-topic") String eventsTopic) {
        return new Notices(noticeJson, clock, !brokers.isBlank() && !eventsTopic.isBlank(), false);
    }

    @BindToRegistry(lazy = true)
    public KafkaEvents kafkaEvents(@BeanInject("noticeJson") ObjectMapper noticeJson) {
        return new KafkaEvents(noticeJson);
    }

    @Override
    public void configure(CamelContext camel) throws Exception {
        // Without brokers too: a mode for this route would be a mode with no drain, staging orders nothing books.
        if (Arrays.asList(setting(camel, "hub.routes").split("\\s*,\\s*")).contains(ORDERS_ROUTE)) {
            throw new IllegalStateException("Route " + ORDERS_ROUTE + " takes orders in real time only (the topic holds them"
                    + " until then; start the hub without hub.kafka.brokers to hold them back): remove it from hub.routes");
        }
        String brokers = setting(camel, "hub.kafka.brokers");
        if (brokers.isEmpty()) {
            return;
        }
        String topic = setting(camel, "hub.kafka.topic");
        String groupId = setting(camel, "hub.kafka.group-id");
        String consumers = setting(camel, "hub.kafka.consumers");
        FullyStarted.then(camel, context -> {
            try {
                TemplatedRouteBuilder.builder(context, "kafka-orders")
                        .routeId(ORDERS_ROUTE)
                        .parameter("topic", topic)
                        .parameter("brokers", brokers)
                        .parameter("groupId", groupId)
                        .parameter("consumers", consumers)
                        .add();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the Kafka order consumer: " + e.getMessage(), e);
            }
            LOG.info("Orders from Kafka topic {} at {}, in consumer group {} ({} consumer(s) here)", topic, brokers, groupId, consumers);
        });
    }

    private static String setting(CamelContext camel, String key) {
        return camel.getPropertiesComponent().resolveProperty(key).orElse("").trim();
    }
}
