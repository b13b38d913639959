package org.backofficehub.backoffice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.backofficehub.erp.OrderFileRecords;
import org.backofficehub.booking.BookingLedger;
import org.backofficehub.erp.ErpOrder;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.erp.ErpProfile;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderKey;
import org.backofficehub.model.OrderStatus;
import org.backofficehub.store.Transactions;
import org.backofficehub.util.Texts;

/**
 * Takes what an ERP that numbers orders after the hub booked them made of each (an interface
 * table's import job, polled with the profile's {@code confirmations.poll}; the confirmation files of
 * an ERP that imports files, read by {@link org.backofficehub.erp.ConfirmationFiles}). Its number replaces
 * the reference the hub answered the booking with, in the hub's booking record (a re-delivery is
 * answered with it), and the web store hears it in a {@code confirmed} notice; an order the ERP
 * refused becomes a {@code rejected} notice and an order-rejected contact. The hub remembers each
 * outcome in the transaction that follows it up, so a row read twice is followed up once, and it
 * leaves alone orders of sources it never booked for (the ERP's other order channels); an outcome
 * for an order it claimed but has not recorded as booked stays untaken until it has.
 */
public final class ErpConfirmations {

    private final DataSource hubStore;
    private final ErpOrderReader erpOrders;
    private final OrderFileRecords orderFiles;
    private final ErpProfile profile;
    private final OrderEvents events;
    private final Clock clock;

    /** @param orderFiles the orders written as files, for an order the ERP refused to import (it holds none) */
    public ErpConfirmations(DataSource hubStore, ErpOrderReader erpOrders, OrderFileRecords orderFiles, ErpProfile profile,
                            OrderEvents events, Clock clock) {
        this.hubStore = hubStore;
        this.erpOrders = erpOrders;
        this.orderFiles = orderFiles;
        this.profile = profile;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One confirmation: source, orderId, erpOrderNumber, status (the ERP's code, through the
     * profile's {@code status.*}), message (why the ERP refused it). Says what became of it.
     */
    public String receive(Map<String, Object> row) {
        OrderKey key = new OrderKey(required(row, "source"), required(row, "orderId"));
        String number = text(row, "erpOrderNumber");
        OrderStatus status = profile.status(required(row, "status"));
        String message = text(row, "message");
        boolean refused = status == OrderStatus.CANCELLED;
        if (!refused && number == null) {
            throw new IllegalStateException("The ERP confirmed order " + key + " without its order number (erpOrderNumber)");
        }
        return Transactions.inTransaction(hubStore, "Cannot take the ERP's confirmation of order " + key, connection -> {
            Optional<String> booked = BookingLedger.bookedNumber(connection, key);
            if (booked.isEmpty()) {
                return notBookedByTheHub(connection, key, number, status);
            }
            if (!remember(connection, key, number, status, message)) {
                return "the ERP's " + status + " of order " + key + " was taken before; not followed up again";
            }
            Order order = erpOrders.find(key.source(), key.orderId(), 1).stream().findFirst().map(ErpOrder::order)
                    .or(() -> orderFiles.find(key))
                    .orElseThrow(() -> new IllegalStateException("The ERP confirmed order " + key + ", which it does not hold"));
            if (refused) {
                String reason = "The ERP refused the order" + (message == null ? "" : ": " + message);
                events.enqueue(connection, List.of(OrderEvent.rejected(order, reason)));
                BookingLedger.releaseRefused(connection, key);
                return "order " + key + " refused by the ERP: " + reason;
            }
            if (BookingLedger.renumber(connection, key, number)) {
                events.enqueue(connection, List.of(OrderEvent.confirmed(order, number)));
            }
            return "order " + key + " (booked as " + booked.get() + ") is ERP order " + number;
        });
    }

    /**
     * An outcome for an order the ledger does not hold as booked. Left alone (and marked taken) only
     * when the hub never had it: a source the hub has never booked for is one of the ERP's other
     * order channels. An order the hub claimed but has not recorded as booked (the ERP committed,
     * the hub's store failed before recording it), or one of the hub's own sources that its ledger
     * misses, must not be marked taken: the exception leaves the ERP's row untaken (its file in
     * place) for the next poll, by when the booking may be recorded.
     */
    private String notBookedByTheHub(Connection connection, OrderKey key, String number, OrderStatus status) throws SQLException {
        if (alreadyTaken(connection, key, number, status)) {
            return "the ERP's " + status + " of order " + key + " was taken before; not followed up again";
        }
        Optional<String> claim = BookingLedger.state(connection, key);
        if (claim.isPresent()) {
            throw new IllegalStateException("The ERP's " + status + " of order " + key + " came while the hub's booking of it is "
                    + claim.get() + " (not yet recorded as booked); taken on a later poll");
        }
        if (BookingLedger.hasSource(connection, key.source())) {
            throw new IllegalStateException("The ERP's " + status + " of order " + key + " is for one of the hub's sources, but the hub"
                    + " has no booking of it; taken on a later poll, once the booking is recorded");
        }
        return "order " + key + " was not booked by the hub (source " + key.source() + " is not one of its channels); left alone";
    }

    /** Whether the hub has followed this very outcome up before (a row read twice, after its booking was released). */
    private static boolean alreadyTaken(Connection connection, OrderKey key, String number, OrderStatus status) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT erp_order_number, status FROM erp_confirmation WHERE source = ? AND order_id = ?")) {
            select.setString(1, key.source());
            select.setString(2, key.orderId());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && Objects.equals(rs.getString(1), number) && status.name().equals(rs.getString(2));
            }
        }
    }

    /** False if the hub has this outcome already. */
    private boolean remember(Connection connection, OrderKey key, String number, OrderStatus status, String message) throws SQLException {
        // An outcome taken before the order's current booking was about an earlier one (an order the
        // ERP refused, sent again and refused again): it is news, not a repeat.
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT c.erp_order_number, c.status, c.received_at, b.booked_at FROM erp_confirmation c"
                        + " LEFT JOIN order_booking b ON b.source = c.source AND b.order_id = c.order_id"
                        + " WHERE c.source = ? AND c.order_id = ?")) {
            select.setString(1, key.source());
            select.setString(2, key.orderId());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    Timestamp bookedAt = rs.getTimestamp(4);
                    boolean sameBooking = bookedAt == null || !rs.getTimestamp(3).before(bookedAt);
                    if (sameBooking && Objects.equals(rs.getString(1), number) && status.name().equals(rs.getString(2))) {
                        return false;
                    }
                    return write(connection, "UPDATE erp_confirmation SET erp_order_number = ?, status = ?, message = ?, received_at = ?"
                            + " WHERE source = ? AND order_id = ?", key, number, status, message);
                }
            }
        }
        return write(connection, "INSERT INTO erp_confirmation (erp_order_number, status, message, received_at, source, order_id)"
                + " VALUES (?, ?, ?, ?, ?, ?)", key, number, status, message);
    }

    private boolean write(Connection connection, String sql, OrderKey key, String number, OrderStatus status, String message)
            throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            write.setString(1, number);
            write.setString(2, status.name());
            write.setString(3, Texts.clip(message, 1000));
            write.setTimestamp(4, Timestamp.from(clock.instant()));
            write.setString(5, key.source());
            write.setString(6, key.orderId());
            return write.executeUpdate() == 1;
        }
    }

    private static String required(Map<String, Object> row, String label) {
        String value = text(row, label);
        if (value == null) {
            throw new IllegalStateException("The ERP's confirmation has no " + label + " (the ERP profile's confirmations.poll labels it so)");
        }
        return value;
    }

    // Column labels come back upper case from H2 and lower case from PostgreSQL.
    private static String text(Map<String, Object> row, String label) {
        Object value = row.get(label);
        if (value == null) {
            for (Map.Entry<String, Object> column : row.entrySet()) {
                if (column.getKey().equalsIgnoreCase(label)) {
                    value = column.getValue();
                }
            }
        }
        String text = value == null ? null : value.toString().trim();
        return text == null || text.isEmpty() ? null : text;
    }
}
