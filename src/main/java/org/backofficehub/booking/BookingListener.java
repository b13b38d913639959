package org.backofficehub.booking;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderKey;

/** Told about every order booked for the first time and every order the ERP refused. */
public interface BookingListener {

    BookingListener NONE = new BookingListener() {
        @Override
        public void booked(Connection hubStore, List<Order> orders, Map<OrderKey, String> erpOrderNumbers) {
        }

        @Override
        public void rejected(List<Order> orders, List<InputRejectedException> reasons) {
        }
    };

    /** Within the hub-store transaction that records the bookings: what it writes commits with them. */
    void booked(Connection hubStore, List<Order> orders, Map<OrderKey, String> erpOrderNumbers) throws SQLException;

    /** After the ERP refused the orders; reason i is for order i. */
    void rejected(List<Order> orders, List<InputRejectedException> reasons);
}
