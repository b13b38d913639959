package org.backofficehub.booking;

import org.backofficehub.model.Booking;
import org.backofficehub.model.InputRejectedException;

/** One order's outcome in a batch: booked (possibly earlier), or rejected for a reason the sender can fix. */
public record BookingResult(Booking booking, InputRejectedException rejection) {

    static BookingResult booked(Booking booking) {
        return new BookingResult(booking, null);
    }

    static BookingResult rejected(InputRejectedException rejection) {
        return new BookingResult(null, rejection);
    }

    public Booking orThrow() {
        if (rejection != null) {
            // A fresh exception per caller: the batch's one is shared, and stack-less anyway.
            throw new InputRejectedException(rejection.type(), rejection.getMessage(), rejection.fieldProblems(), rejection);
        }
        return booking;
    }
}
