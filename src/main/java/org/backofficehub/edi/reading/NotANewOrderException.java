package org.backofficehub.edi.reading;

import org.backofficehub.model.Order;

/**
 * A well-formed order message that is not a new order to book: a cancellation, a replacement or a
 * duplicate (X12 BEG01, EDIFACT BGM 1225). The acknowledgement accepts it; the order response
 * says it was not booked, for a person to handle.
 */
public final class NotANewOrderException extends RuntimeException {

    private final transient Order order;

    NotANewOrderException(Order order, String reason) {
        super(reason, null, false, false);
        this.order = order;
    }

    public Order order() {
        return order;
    }
}
