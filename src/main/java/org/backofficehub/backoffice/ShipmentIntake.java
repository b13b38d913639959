package org.backofficehub.backoffice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.backofficehub.erp.ErpOrder;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.store.Transactions;

/**
 * Takes a shipment row polled from the ERP (camel-sql) into the back office. The hub remembers
 * each shipment number in the same transaction that queues its follow-up, so a row delivered
 * again (the hub crashed before the ERP row was flagged) is followed up once; and each ERP order's
 * tracking numbers, so a parcel the warehouse recorded twice (two rows, one tracking number) is one
 * shipment: one shipped notice, one despatch advice.
 */
public final class ShipmentIntake {

    private final DataSource hubStore;
    private final ErpOrderReader erpOrders;
    private final OrderEvents events;
    private final Clock clock;

    public ShipmentIntake(DataSource hubStore, ErpOrderReader erpOrders, OrderEvents events, Clock clock) {
        this.hubStore = hubStore;
        this.erpOrders = erpOrders;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One row of the ERP profile's {@code shipments.poll}: shipmentNumber, erpOrderNumber, carrier,
     * trackingNumber, shippedOn (as the database returns them, or as text when a failure is
     * replayed). Says what became of it.
     */
    public String receive(Map<String, Object> row) {
        Shipment shipment = new Shipment(number(row, "shipmentNumber"), text(row, "erpOrderNumber"), text(row, "carrier"),
                text(row, "trackingNumber"), date(value(row, "shippedOn")));
        ErpOrder order = erpOrders.byNumber(shipment.erpOrderNumber()).orElseThrow(() -> new IllegalStateException(
                "Shipment " + shipment.shipmentNumber() + " is for ERP order " + shipment.erpOrderNumber() + ", which the ERP does not have"));
        return Transactions.inTransaction(hubStore, "Cannot take shipment " + shipment.shipmentNumber(), connection -> {
            if (known(connection, shipment.shipmentNumber())) {
                return "shipment " + shipment.shipmentNumber() + " was taken before; not followed up again";
            }
            Long sameParcel = shipmentOfParcel(connection, shipment);
            if (sameParcel != null) {
                return "shipment " + shipment.shipmentNumber() + " repeats shipment " + sameParcel + " of ERP order " + shipment.erpOrderNumber()
                        + " (tracking number " + shipment.trackingNumber() + "); not followed up again";
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO shipment (shipment_number, erp_order_number, source, order_id, received_at, tracking_number)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                insert.setLong(1, shipment.shipmentNumber());
                insert.setString(2, shipment.erpOrderNumber());
                insert.setString(3, order.order().source());
                insert.setString(4, order.order().orderId());
                insert.setTimestamp(5, Timestamp.from(clock.instant()));
                // No tracking number is none, never an empty one that the unique parcel index would hold against the next.
                insert.setString(6, shipment.trackingNumber() == null || shipment.trackingNumber().isEmpty() ? null : shipment.trackingNumber());
                insert.executeUpdate();
            }
            events.enqueue(connection, List.of(OrderEvent.shipped(order.order(), shipment)));
            return "shipment " + shipment.shipmentNumber() + " of order " + order.order().key() + " by " + shipment.carrier() + " taken";
        });
    }

    /** The shipment taken before for the same ERP order and tracking number (the same parcel recorded twice); null if none. */
    private static Long shipmentOfParcel(Connection connection, Shipment shipment) throws SQLException {
        if (shipment.trackingNumber() == null || shipment.trackingNumber().isEmpty()) {
            return null; // a shipment without a tracking number cannot be recognised again
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT shipment_number FROM shipment WHERE erp_order_number = ? AND tracking_number = ?")) {
            select.setString(1, shipment.erpOrderNumber());
            select.setString(2, shipment.trackingNumber());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static boolean known(Connection connection, long shipmentNumber) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM shipment WHERE shipment_number = ?")) {
            select.setLong(1, shipmentNumber);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    // Column labels come back upper case from H2 and lower case from PostgreSQL, as the profile wrote them from neither.
    private static Object value(Map<String, Object> row, String label) {
        Object exact = row.get(label);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Object> column : row.entrySet()) {
            if (column.getKey().equalsIgnoreCase(label)) {
                return column.getValue();
            }
        }
        return null;
    }

    private static long number(Map<String, Object> row, String label) {
        Object value = value(row, label);
        if (value == null) {
            throw new IllegalStateException("The shipment row has no " + label + " (the ERP profile's shipments.poll labels it so)");
        }
        return value instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(value).trim());
    }

    private static String text(Map<String, Object> row, String label) {
        Object value = value(row, label);
        return value == null ? null : value.toString().trim();
    }

    private static LocalDate date(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }
}
