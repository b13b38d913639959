package org.backofficehub.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.backofficehub.support.KafkaBroker;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Web-store orders through a real Kafka broker (KRaft, in the test's JVM) into the real daemon:
 * booked once each whatever is delivered twice, a bad record kept with its bytes while the partition
 * goes on, and offsets committed only after booking, so a consumer that starts again reads what it
 * had not committed and books none of it twice.
 */
class KafkaOrdersTest {

    private static final String TOPIC = "webstore-orders";
    private static final String GROUP = "hub-test";
    private static final String EVENTS = "order-events";
    private static final int PARTITIONS = 3;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static KafkaBroker broker;
    private static RunningHub hub;
    /** Records produced so far, all tests together: the group's committed offsets add up to this once it has read them all. */
    private static int produced;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.start();
        broker.createTopic(TOPIC, PARTITIONS);
        broker.createTopic(EVENTS, PARTITIONS);
        hub = RunningHub.start(Map.of("hub.kafka.brokers", broker.bootstrapServers(), "hub.kafka.topic", TOPIC,
                "hub.kafka.group-id", GROUP, "hub.kafka.consumers", "2", "hub.kafka.events-topic", EVENTS));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void ordersKeyedByOrderAreBookedOnceEach() {
        List<Integer> partitions = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            partitions.add(send("KAFKA-" + i, TestOrders.webOrderJson("KAFKA-" + i, "SKU-1001", 1)));
        }

        awaitAllCommitted();
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF LIKE 'KAFKA-%'")).isEqualTo(12);
        assertThat(hub.erpNumber("SELECT COUNT(DISTINCT OHCREF) FROM ORDHDR WHERE OHCREF LIKE 'KAFKA-%'")).isEqualTo(12);
        assertThat(partitions.stream().distinct().count()).as("keyed by order id, the orders spread over the partitions").isGreaterThan(1);
    }

    @Test
    void theSameRecordTwiceBooksOnce() {
        String order = TestOrders.webOrderJson("KAFKA-TWICE-1", "SKU-2001", 2);
        int first = send("KAFKA-TWICE-1", order);
        int second = send("KAFKA-TWICE-1", order);

        awaitAllCommitted();
        assertThat(second).as("one key, one partition: one consumer sees both").isEqualTo(first);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'KAFKA-TWICE-1'")).isEqualTo(1);
        assertThat(openFailures()).noneMatch(failure -> failure.reason().contains("KAFKA-TWICE-1"));
    }

    @Test
    void aMalformedRecordIsKeptWithItsBytesAndTheNextIsBooked() throws SQLException {
        byte[] malformed = "{\"orderId\":\"KAFKA-BAD-1\",\"lines\":[".getBytes(StandardCharsets.UTF_8);
        int bad = send("KAFKA-BAD-1", malformed);
        // Same key, so the same partition: the record after the bad one is booked all the same.
        int next = send("KAFKA-BAD-1", TestOrders.webOrderJson("KAFKA-BAD-1", "SKU-1001", 1));

        awaitAllCommitted();
        assertThat(next).isEqualTo(bad);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'KAFKA-BAD-1'")).isEqualTo(1);
        List<Failure> failures = openFailures().stream().filter(failure -> failure.reason().contains("key KAFKA-BAD-1")).toList();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).kind()).isEqualTo(KafkaOrderRecords.FAILURE_KIND);
        assertThat(failures.get(0).payload()).isEqualTo(malformed);
        assertThat(failures.get(0).fileName()).startsWith("kafka-" + TOPIC + "-" + bad + "-").endsWith(".json");
    }

    @Test
    void aConsumerStartingAgainReadsWhatItHadNotCommittedAndBooksNothingTwice() {
        for (int i = 1; i <= 5; i++) {
            send("KAFKA-AGAIN-" + i, TestOrders.webOrderJson("KAFKA-AGAIN-" + i, "SKU-1001", 1));
        }
        awaitAllCommitted();
        int booked = hub.erpNumber("SELECT COUNT(*) FROM ORDHDR");
        int failures = openFailures().size();

        // As if the hub had crashed after booking, before committing: the group's offsets back to the start.
        hub.restart(() -> {
            rewindGroup();
            send("KAFKA-AGAIN-6", TestOrders.webOrderJson("KAFKA-AGAIN-6", "SKU-1001", 1));
        });

        awaitAllCommitted();
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).as("everything read again, only the new order booked").isEqualTo(booked + 1);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF LIKE 'KAFKA-AGAIN-%'")).isEqualTo(6);
        // A bad record read again is kept again (its failure record and its commit are not one transaction); a booked one leaves none.
        assertThat(openFailures().subList(failures, openFailures().size())).allMatch(failure -> failure.reason().contains("key KAFKA-BAD"));
    }

    @Test
    void aBookedOrdersEventsArePublishedKeyedByTheOrder() throws Exception {
        send("KAFKA-EVENTS-1", TestOrders.webOrderJson("KAFKA-EVENTS-1", "SKU-1001", 1));
        awaitAllCommitted();

        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> events = new ArrayList<>();
        Awaitility.await("booked and invoiced published").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    events.clear();
                    broker.records(EVENTS, Integer.MAX_VALUE, Duration.ofSeconds(1)).stream()
                            .filter(event -> "KAFKA-EVENTS-1".equals(event.key())).forEach(events::add);
                    return events.stream().map(event -> read(event.value()).path("event").asText()).toList()
                            .containsAll(List.of("booked", "invoiced"));
                });
        com.fasterxml.jackson.databind.JsonNode booked = events.stream().map(event -> read(event.value()))
                .filter(event -> event.path("event").asText().equals("booked")).findFirst().orElseThrow();
        assertThat(booked.path("orderId").asText()).isEqualTo("KAFKA-EVENTS-1");
        assertThat(booked.path("source").asText()).isEqualTo("WEBSTORE");
        assertThat(booked.path("erpOrderNumber").asText()).matches("\\d{6}");
        assertThat(booked.path("noticeId").asText()).isEqualTo("booked:WEBSTORE:KAFKA-EVENTS-1");
        assertThat(events).extracting(event -> event.partition()).as("keyed by order: one partition").containsOnly(events.get(0).partition());
        assertThat(events).noneMatch(event -> read(event.value()).path("event").asText().equals("stock"));
    }

    /** The ERP's order table away (renamed): the booking fails as the ERP being unavailable does. */
    @Test
    void aRecordTheErpCannotTakeForNowIsLeftUncommittedAndBookedOnceItCan() {
        erp("ALTER TABLE ORDHDR RENAME TO ORDHDR_AWAY");
        try {
            send("KAFKA-AWAY-1", TestOrders.webOrderJson("KAFKA-AWAY-1", "SKU-1001", 1));
            // Retried for 7 s (kafka-records), then read again from its offset and retried again: never committed while the ERP is away.
            Awaitility.await("not committed while the ERP is away").during(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(11))
                    .until(() -> broker.committed(GROUP) == produced - 1);
        } finally {
            erp("ALTER TABLE ORDHDR_AWAY RENAME TO ORDHDR");
        }

        awaitAllCommitted();
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'KAFKA-AWAY-1'")).isEqualTo(1);
        assertThat(openFailures()).noneMatch(failure -> failure.reason().contains("KAFKA-AWAY-1"));
    }

    private static void erp(String sql) {
        try (Connection connection = hub.erp().getConnection()) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Test
    void brokersThatCannotBeReachedLeaveTheHubHealthy() {
        // RunningHub.start waits for /observe/health to answer 200.
        try (RunningHub away = RunningHub.start(Map.of("hub.kafka.brokers", "localhost:1", "hub.kafka.group-id", "hub-away"))) {
            assertThat(away.get("/observe/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aModeForTheKafkaRouteStopsTheHubNamingIt() {
        String routes = hub.camel().getPropertiesComponent().resolveProperty("hub.routes").orElseThrow();
        assertThatThrownBy(() -> RunningHub.start(Map.of("hub.routes", routes + ",kafka-orders",
                "hub.routes.kafka-orders.mode", "batch", "hub.routes.kafka-orders.cron", "0 0 * * * ?")).close())
                .rootCause().hasMessageContaining("kafka-orders").hasMessageContaining("real time only");
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized int send(String key, String json) {
        return send(key, json.getBytes(StandardCharsets.UTF_8));
    }

    private static synchronized int send(String key, byte[] value) {
        produced++;
        return broker.send(TOPIC, key, value).partition();
    }

    private static void awaitAllCommitted() {
        Awaitility.await("the group committed every record").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> broker.committed(GROUP) == produced);
    }

    private static void rewindGroup() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> start = new java.util.HashMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                start.put(new TopicPartition(TOPIC, partition), new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets(GROUP, start).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot rewind group " + GROUP, e);
        }
    }

    private record Failure(String kind, String reason, String fileName, byte[] payload) {
    }

    private static List<Failure> openFailures() {
        try (Connection connection = hub.hubStore().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT kind, reason, file_name, payload FROM failure WHERE state = 'open' AND route_id = 'kafka-orders' ORDER BY id")) {
            List<Failure> failures = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    failures.add(new Failure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)));
                }
            }
            return failures;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
