package org.backofficehub.model;

/**
 * The outcome of booking an order into the ERP. {@code alreadyBooked} is true when the order had
 * been booked before (a re-delivery), in which case nothing new was written.
 */
public record Booking(OrderKey order, String erpOrderNumber, OrderStatus status, boolean alreadyBooked) {
}
