package org.backofficehub.tracking;

import java.time.Instant;
import java.util.List;
import org.backofficehub.model.OrderKey;

/** One tracked document as it is queued for the journal: a row of tracked_document with its orders. */
record TrackedEntry(String direction, String kind, String channel, String partnerId, String documentType, String controlNumber,
                    String inReplyTo, String resendOf, String fileName, String archivedAs, String state, String detail,
                    String contentType, Payload payload, List<OrderKey> orders, Instant at) {

    static final String IN = "in";
    static final String OUT = "out";

    TrackedEntry {
        orders = List.copyOf(orders);
    }
}
