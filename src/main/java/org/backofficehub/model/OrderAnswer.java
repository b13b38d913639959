package org.backofficehub.model;

/**
 * What became of one order the hub took in: booked into the ERP (now or before), staged for its
 * route's batch drain (with the tracking id the sender is given), or refused by the ERP for a
 * reason the sender can fix. Exactly one of {@code booking}, {@code trackingId} and
 * {@code refusal} is set.
 */
public record OrderAnswer(Order order, Booking booking, String trackingId, InputRejectedException refusal) {

    public static OrderAnswer booked(Order order, Booking booking) {
        return new OrderAnswer(order, booking, null, null);
    }

    public static OrderAnswer staged(Order order, String trackingId) {
        return new OrderAnswer(order, null, trackingId, null);
    }

    public static OrderAnswer refused(Order order, InputRejectedException refusal) {
        return new OrderAnswer(order, null, null, refusal);
    }

    public boolean isStaged() {
        return trackingId != null;
    }

    /** The refusal as a fresh exception for this caller to throw: the batch's own is shared, and stack-less anyway. */
    public InputRejectedException refusalToThrow() {
        return new InputRejectedException(refusal.type(), refusal.getMessage(), refusal.fieldProblems(), refusal);
    }
}
