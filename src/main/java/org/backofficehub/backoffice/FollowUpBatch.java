package org.backofficehub.backoffice;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.accounting.Invoicing.Issued;
import org.backofficehub.customer.CustomerTouch;
import org.backofficehub.outbound.OutboundMessage;

/**
 * A batch of order events being followed up: taken off the queue in one hub-store transaction,
 * which the follow-up route's steps add to (invoices, messages owed to other systems, contacts)
 * and which commits all of it, or none, when the route ends.
 */
public final class FollowUpBatch implements AutoCloseable {

    private final Connection connection;
    private final List<OrderEvents.Stored> events;
    private final List<Issued> invoices = new ArrayList<>();
    private final List<OutboundMessage> messages = new ArrayList<>();
    private final List<CustomerTouch> touches = new ArrayList<>();
    private boolean committed;

    FollowUpBatch(Connection connection, List<OrderEvents.Stored> events) {
        this.connection = connection;
        this.events = List.copyOf(events);
    }

    /** The transaction every step writes in. */
    public Connection connection() {
        return connection;
    }

    public List<OrderEvents.Stored> events() {
        return events;
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    public int size() {
        return events.size();
    }

    /** The invoices issued for this batch's bookings (none for an order invoiced before). */
    public List<Issued> invoices() {
        return invoices;
    }

    void invoiced(List<Issued> issued) {
        invoices.addAll(issued);
    }

    void owe(OutboundMessage message) {
        messages.add(message);
    }

    List<OutboundMessage> messages() {
        return messages;
    }

    void touched(List<CustomerTouch> contacts) {
        touches.addAll(contacts);
    }

    List<CustomerTouch> touches() {
        return touches;
    }

    void commit() throws SQLException {
        connection.commit();
        committed = true;
    }

    /** Rolls back whatever was not committed, and gives the connection back. */
    @Override
    public void close() {
        try (connection) {
            // Not after a commit: H2 stores every changed page on a rollback too, as on a commit.
            if (!committed && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // the connection is gone; nothing was committed on it
        }
    }
}
