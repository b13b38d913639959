package org.backofficehub.backoffice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.backofficehub.customer.CustomerFeed;
import org.backofficehub.outbound.OutboundMessages;
import org.backofficehub.store.FailureLog;
import org.backofficehub.store.HubStoreException;
import org.backofficehub.util.CamelWrapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction of the follow-up route ({@code routes/order-follow-up.camel.yaml}): it takes
 * order events off their queue, and once the route's steps have added to the batch, commits the
 * messages owed to other systems and the customer contacts with the events' removal, so nothing is
 * lost and nothing is done twice.
 */
public final class OrderFollowUp {

    public static final String FAILURE_KIND = "order-event";
    private static final Logger LOG = LoggerFactory.getLogger(OrderFollowUp.class);

    private final DataSource hubStore;
    private final OrderEvents events;
    private final OutboundMessages outbound;
    private final CustomerFeed customers;
    private final FailureLog failures;
    private final ObjectMapper json;
    private final BooleanSupplier holdOff;

    /** @param holdOff true while a drain books: the back office then leaves it the machine */
    public OrderFollowUp(DataSource hubStore, OrderEvents events, OutboundMessages outbound, CustomerFeed customers, FailureLog failures,
                         ObjectMapper json, BooleanSupplier holdOff) {
        this.hubStore = hubStore;
        this.events = events;
        this.outbound = outbound;
        this.customers = customers;
        this.failures = failures;
        this.json = json;
        this.holdOff = holdOff;
    }

    /** Whether to take another batch: the last one had events (or none was taken yet), and no drain runs. */
    public boolean goOn(Integer lastBatch) {
        return (lastBatch == null || lastBatch > 0) && !holdOff.getAsBoolean();
    }

    /** Up to {@code limit} of the oldest events, taken off the queue in a new transaction. */
    public FollowUpBatch begin(int limit) {
        Connection connection = null;
        try {
            connection = hubStore.getConnection();
            connection.setAutoCommit(false);
            List<OrderEvents.Stored> oldest = events.oldest(connection, limit);
            if (!events.remove(connection, oldest)) {
                oldest = List.of(); // another consumer took one of them first; the next round takes what is left
            }
            return new FollowUpBatch(connection, oldest);
        } catch (SQLException e) {
            close(connection);
            throw new HubStoreException("Cannot take order events: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(connection); // an event that cannot be read must not cost a connection each round
            throw e;
        }
    }

    /** Commits the batch with everything its steps added; the number of events followed up. */
    public int commit(FollowUpBatch batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            outbound.enqueue(batch.connection(), batch.messages());
            customers.enqueue(batch.connection(), batch.touches());
            batch.commit();
            return batch.size();
        } catch (SQLException e) {
            throw new HubStoreException("Cannot follow up order events: " + e.getMessage(), e);
        }
    }

    /**
     * The event of a one-event batch could not be followed up (an invoice the schema refuses, say):
     * it becomes a failure record with its payload, to replay once the cause is fixed, and leaves
     * the queue so that it no longer holds up the others. The batch's own transaction was rolled
     * back; this is a new one.
     */
    public int giveUp(FollowUpBatch failed, Exception cause, String routeId) {
        if (failed == null || failed.isEmpty()) {
            throw new IllegalStateException("Following up failed before an event was taken: " + cause.getMessage(), cause);
        }
        OrderEvents.Stored stored = failed.events().get(0);
        OrderEvent event = stored.event();
        Throwable reason = CamelWrapping.unwrap(cause);
        try (Connection connection = hubStore.getConnection()) {
            connection.setAutoCommit(false);
            if (!events.remove(connection, List.of(stored))) {
                connection.rollback();
                return 1; // another consumer took it meanwhile
            }
            long failureId = failures.record(routeId, FAILURE_KIND, "follow-up-failed",
                    "Cannot follow up " + event.kind() + " of order " + event.order().key() + ": " + reason.getMessage(),
                    event.kind() + "-" + event.order().orderId() + ".json", eventJson(event));
            connection.commit();
            LOG.warn("Order event {} of {} recorded as failure {}: {}", event.kind(), event.order().key(), failureId, reason.getMessage());
            return 1;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot record a failed order event: " + e.getMessage(), e);
        }
    }

    public void close(FollowUpBatch batch) {
        batch.close();
    }

    private byte[] eventJson(OrderEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing was done on it
            }
        }
    }
}
