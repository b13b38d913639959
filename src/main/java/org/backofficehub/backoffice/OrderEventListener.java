package org.backofficehub.backoffice;

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

/** Queues every booking for invoicing and notices, in the booking's own transaction; and every ERP refusal. */
public final class OrderEventListener implements BookingListener {

    private static final Logger LOG = LoggerFactory.getLogger(OrderEventListener.class);

    private final OrderEvents events;

    public OrderEventListener(OrderEvents events) {
        this.events = events;
    }

    @Override
    public void booked(Connection hubStore, List<Order> orders, Map<OrderKey, String> erpOrderNumbers) throws SQLException {
        List<OrderEvent> booked = new ArrayList<>(orders.size());
        for (Order order : orders) {
            booked.add(OrderEvent.booked(order, erpOrderNumbers.get(order.key())));
        }
        events.enqueue(hubStore, booked);
    }

    @Override
    public void rejected(List<Order> orders, List<InputRejectedException> reasons) {
        List<OrderEvent> rejected = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            rejected.add(OrderEvent.rejected(orders.get(i), reasons.get(i).getMessage()));
        }
        try {
            events.enqueue(rejected);
        } catch (RuntimeException e) {
            // The sender hears of the refusal either way (HTTP answer, order response); only the callback is missing.
            LOG.warn("Could not queue {} rejected order(s) for the web store's notices: {}", orders.size(), e.getMessage());
        }
    }
}
