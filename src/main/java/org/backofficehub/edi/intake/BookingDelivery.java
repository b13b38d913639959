package org.backofficehub.edi.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.backofficehub.booking.BookingResult;
import org.backofficehub.model.Order;
import org.backofficehub.edi.OrderResponse;

/** Books orders at once and answers each with its ERP order number or the reason it was refused. */
public final class BookingDelivery implements OrderDelivery {

    private final Function<List<Order>, List<BookingResult>> booking;

    public BookingDelivery(Function<List<Order>, List<BookingResult>> booking) {
        this.booking = booking;
    }

    @Override
    public List<OrderResponse> deliver(List<Order> orders) {
        List<BookingResult> results = booking.apply(orders);
        List<OrderResponse> responses = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            BookingResult result = results.get(i);
            responses.add(result.rejection() == null
                    ? new OrderResponse(orders.get(i), result.booking().erpOrderNumber(), null)
                    : new OrderResponse(orders.get(i), null, result.rejection().getMessage()));
        }
        return responses;
    }
}
