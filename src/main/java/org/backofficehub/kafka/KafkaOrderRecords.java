package org.backofficehub.kafka;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.store.FailureLog;
import org.backofficehub.util.CamelWrapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a record of the Kafka order topic: its offset is committed once its order is
 * booked, or once the record is kept as a failure (its bytes as they came, and the reason), never
 * before. A record whose offset is not committed is read again after a restart or a rebalance, and
 * the booking claims make the second reading book nothing.
 */
public final class KafkaOrderRecords {

    /** The failure records' kind: replayed as the inbox replays a file (FailureReplays), which reads the web order the same way. */
    public static final String FAILURE_KIND = "kafka-record";
    /** The exchange property holding the record's bytes, as they came, for a failure record. */
    public static final String RECORD = "hubKafkaRecord";
    /** The exchange property holding the record's manual commit, set by the consumer route before the intake replaces the headers. */
    public static final String COMMIT = "hubKafkaCommit";
    /** The exchange property naming the record: topic-partition-offset. */
    public static final String NAME = "hubKafkaRecordName";
    /** The exchange property holding the record's key. */
    public static final String KEY = "hubKafkaKey";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaOrderRecords.class);

    private final FailureLog failures;
    private final long maxPayloadBytes;

    public KafkaOrderRecords(FailureLog failures, long maxPayloadBytes) {
        this.failures = failures;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** The record's order booked (or booked before): its offset committed. A refusal is thrown, for {@link #fail}. */
    public void settle(List<OrderAnswer> answers, Exchange exchange) {
        for (OrderAnswer answer : answers) {
            if (answer.refusal() != null) {
                throw answer.refusalToThrow();
            }
            LOG.info("Booked {} from {} as ERP order {}{}", answer.order().key(), where(exchange), answer.booking().erpOrderNumber(),
                    answer.booking().alreadyBooked() ? " (booked before)" : "");
        }
        commit(exchange);
    }

    /** A record the hub cannot take, now or ever (a refusal, not an order, a defect): kept as a failure, then its offset committed. */
    public void fail(Exchange exchange) {
        Throwable failure = CamelWrapping.unwrap(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        String problem = failure instanceof InputRejectedException rejected ? rejected.type().slug() : "processing-failed";
        byte[] record = exchange.getProperty(RECORD, byte[].class);
        boolean keepable = record != null && record.length <= maxPayloadBytes;
        String reason = "Record " + where(exchange) + " (key " + exchange.getProperty(KEY, "none", String.class) + "): "
                + (failure == null ? "unknown" : failure.getMessage())
                + (keepable ? "" : " (its " + (record == null ? 0 : record.length) + " bytes are not kept: larger than hub.max-input-bytes)");
        long id = failures.record(exchange.getFromRouteId(), FAILURE_KIND, problem, reason, fileName(exchange) + ".json",
                keepable ? record : new byte[0]);
        LOG.warn("Kept {} as failure {}: {}", where(exchange), id, reason);
        commit(exchange);
    }

    /**
     * A commit that fails (the partition given to another instance meanwhile, the broker away) is not
     * the order's failure: the record is read again, its order found booked or its failure kept again.
     */
    private static void commit(Exchange exchange) {
        KafkaManualCommit manual = exchange.getProperty(COMMIT, KafkaManualCommit.class);
        if (manual == null) {
            return;
        }
        try {
            manual.commit();
        } catch (RuntimeException e) {
            LOG.warn("The offset of {} is not committed ({}); the record will be read again, and booked nothing twice", where(exchange),
                    e.getMessage());
        }
    }

    private static String where(Exchange exchange) {
        return exchange.getProperty(NAME, "kafka", String.class);
    }

    private static String fileName(Exchange exchange) {
        return "kafka-" + where(exchange);
    }
}
