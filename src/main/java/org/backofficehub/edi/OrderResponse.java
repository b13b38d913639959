package org.backofficehub.edi;

import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;

/**
 * What the hub answers about one ordered document: booked under an ERP order number, or refused
 * with a reason (unknown item, no stock). Written as ORDRSP or 855.
 */
public record OrderResponse(Order order, String erpOrderNumber, String refusal) {

    /** The response an order is owed for what became of it: accepted with its ERP number, or not with the refusal. */
    public static OrderResponse answering(OrderAnswer answer) {
        return answer.refusal() == null ? new OrderResponse(answer.order(), answer.booking().erpOrderNumber(), null)
                : new OrderResponse(answer.order(), null, answer.refusal().getMessage());
    }

    public boolean accepted() {
        return refusal == null;
    }
}
