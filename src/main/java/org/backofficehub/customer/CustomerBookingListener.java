package org.backofficehub.customer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backofficehub.booking.BookingListener;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts every booked or refused order into the customer master's feed. */
public final class CustomerBookingListener implements BookingListener {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerBookingListener.class);

    private final CustomerFeed feed;
    private final OrderContacts contacts;

    public CustomerBookingListener(CustomerFeed feed, OrderContacts contacts) {
        this.feed = feed;
        this.contacts = contacts;
    }

    @Override
    public void booked(Connection hubStore, List<Order> orders, Map<OrderKey, String> erpOrderNumbers) throws SQLException {
        List<CustomerTouch> touches = new ArrayList<>(orders.size() * 2);
        for (Order order : orders) {
            touches.addAll(contacts.booked(order, erpOrderNumbers.get(order.key())));
        }
        feed.enqueue(hubStore, touches);
    }

    @Override
    public void rejected(List<Order> orders, List<InputRejectedException> reasons) {
        List<CustomerTouch> touches = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            touches.add(contacts.rejected(orders.get(i), reasons.get(i).getMessage()));
        }
        try {
            feed.enqueue(touches);
        } catch (RuntimeException e) {
            // The rejection itself reaches the sender either way; only its line in the history is missing.
            LOG.warn("Could not record {} rejected order(s) in the customer history: {}", orders.size(), e.getMessage());
        }
    }
}
