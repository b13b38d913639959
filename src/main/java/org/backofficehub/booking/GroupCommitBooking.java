package org.backofficehub.booking;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.support.service.ServiceSupport;
import org.backofficehub.model.Booking;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.store.GroupCommit;

/**
 * The one way into the ERP. Orders arriving concurrently (HTTP requests, inbox files) are booked
 * together by one writer, so each durable commit serves many orders; batch drains submit their
 * chunks through the same writer, so the hub's own ERP transactions never contend for the same
 * items and cannot deadlock.
 */
public final class GroupCommitBooking extends ServiceSupport {

    private final GroupCommit<Order, BookingResult> writer;

    public GroupCommitBooking(OrderBooking booking, int maxBatch, int maxQueued, long answerTimeoutMillis) {
        this.writer = new GroupCommit<>("booking", booking::bookAll, maxBatch, maxQueued, answerTimeoutMillis);
    }

    /** Books one order; throws the rejection if the ERP refuses it. */
    public Booking book(Order order) {
        return writer.submit(List.of(order), "order " + order.key()).get(0).orThrow();
    }

    /** Books orders, answering each: booked (now or before) or refused by the ERP. The answer at index i is for order i. */
    public List<OrderAnswer> bookOrders(List<Order> orders) {
        List<BookingResult> results = bookAll(orders);
        List<OrderAnswer> answers = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            BookingResult result = results.get(i);
            answers.add(result.rejection() == null ? OrderAnswer.booked(orders.get(i), result.booking())
                    : OrderAnswer.refused(orders.get(i), result.rejection()));
        }
        return answers;
    }

    /** Books a whole batch (a drain's chunk) in one transaction; the result at index i is for order i. */
    public List<BookingResult> bookAll(List<Order> orders) {
        return writer.submit(orders, "a batch of " + orders.size() + " orders");
    }

    @Override
    protected void doStart() {
        writer.start();
    }

    @Override
    protected void doStop() {
        writer.stop();
    }
}
