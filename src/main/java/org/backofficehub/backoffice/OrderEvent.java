package org.backofficehub.backoffice;

import org.backofficehub.model.Order;

/**
 * Something that happened to an order which the back office follows up: booked, refused by the ERP,
 * confirmed (an ERP that numbers orders after the hub booked them gave it its number), shipped.
 */
public record OrderEvent(String kind, Order order, String erpOrderNumber, String reason, Shipment shipment) {

    public static final String BOOKED = "booked";
    public static final String REJECTED = "rejected";
    public static final String SHIPPED = "shipped";
    public static final String CONFIRMED = "confirmed";

    public static OrderEvent booked(Order order, String erpOrderNumber) {
        return new OrderEvent(BOOKED, order, erpOrderNumber, null, null);
    }

    public static OrderEvent rejected(Order order, String reason) {
        return new OrderEvent(REJECTED, order, null, reason, null);
    }

    public static OrderEvent confirmed(Order order, String erpOrderNumber) {
        return new OrderEvent(CONFIRMED, order, erpOrderNumber, null, null);
    }

    public static OrderEvent shipped(Order order, Shipment shipment) {
        return new OrderEvent(SHIPPED, order, shipment.erpOrderNumber(), null, shipment);
    }
}
