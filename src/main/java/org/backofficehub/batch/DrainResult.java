package org.backofficehub.batch;

/**
 * What one drain of a route did. An order route counts orders {@code booked} now,
 * {@code alreadyBooked} before, {@code failed} (refused by the ERP, recorded as failures) and
 * {@code deferred} (still claimed by a booking in progress, or one a crash cut short; left staged
 * for the next drain). A delivery route counts messages {@code delivered} and {@code failed}; its
 * {@code deferred} are messages waiting for a retry after a failed attempt.
 */
public record DrainResult(String routeId, int booked, int alreadyBooked, int failed, int deferred, int delivered) {

    public boolean didAnything() {
        return booked + alreadyBooked + failed + deferred + delivered > 0;
    }
}
