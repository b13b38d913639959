package org.backofficehub.edi.intake;

import java.util.List;
import org.backofficehub.model.Order;
import org.backofficehub.edi.OrderResponse;

/**
 * Where translated EDI orders go: booked at once (answers for the order responses) or staged for
 * the route's batch drain (no answers yet: the order responses follow the drain).
 */
public interface OrderDelivery {

    /** Delivers orders; returns one response per order when booked now, or an empty list when staged. */
    List<OrderResponse> deliver(List<Order> orders);
}
