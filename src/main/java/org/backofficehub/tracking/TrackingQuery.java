package org.backofficehub.tracking;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A tracking search: {@code q} is any identifier an operator may have been given (an order number,
 * a partner's PO number, an ERP order number, an interchange control number, a file name, an
 * invoice number, a parcel's tracking number); the other filters narrow it, all of them at once.
 * Null means "any". {@code from} is inclusive, {@code to} exclusive.
 */
public record TrackingQuery(String q, String orderId, String partner, String controlNumber, String customer, String fileName,
                            Instant from, Instant to, String state, int limit) {

    /** The states an item can be searched by: an order's, or a document's. */
    public static final Set<String> STATES = Set.of("booked", "claimed", "staged", "refused", "done", "error", "sent", "completed",
            "partial", "rejected", "unmatched", "failed", "receiving");

    public TrackingQuery {
        state = state == null ? null : state.toLowerCase(Locale.ROOT);
    }

    boolean hasIdentifier() {
        return q != null || orderId != null || controlNumber != null || customer != null || fileName != null;
    }
}
