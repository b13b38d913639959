package org.backofficehub.edi;

import org.backofficehub.model.Order;

/**
 * What the hub answers about one ordered document: booked under an ERP order number, or refused
 * with a reason (unknown item, no stock). Written as ORDRSP or 855.
 */
public record OrderResponse(Order order, String erpOrderNumber, String refusal) {

    public boolean accepted() {
        return refusal == null;
    }
}
