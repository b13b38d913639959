package org.backofficehub.customer;

/**
 * Something the customer master must take in: a customer record to resolve, with or without an
 * interaction to record against it; or an interaction about an order already recorded, whose
 * customer is found through that order ({@code orderReference}).
 */
public record CustomerTouch(CustomerRecord record, String orderReference, ContactEvent event) {

    public static CustomerTouch of(CustomerRecord record) {
        return new CustomerTouch(record, null, null);
    }

    public static CustomerTouch of(CustomerRecord record, ContactEvent event) {
        return new CustomerTouch(record, null, event);
    }

    /** An interaction about an order whose customer the customer master already knows from its order event. */
    public static CustomerTouch aboutOrder(String orderReference, ContactEvent event) {
        return new CustomerTouch(null, orderReference, event);
    }
}
