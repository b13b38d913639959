package org.backofficehub.erp;

import java.util.ArrayList;
import java.util.List;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;

/** Orders after the catalogue: those it settled, to be booked, and those it refused, to be answered. */
public record ResolvedOrders(List<Order> bookable, List<OrderAnswer> refused) {

    public ResolvedOrders {
        bookable = List.copyOf(bookable);
        refused = List.copyOf(refused);
    }

    /** Every order's answer: the catalogue's refusals with what booking (or staging) answered for the rest. */
    public List<OrderAnswer> answers(List<OrderAnswer> booked) {
        List<OrderAnswer> all = new ArrayList<>(refused.size() + booked.size());
        all.addAll(refused);
        all.addAll(booked);
        return all;
    }
}
