package org.backofficehub.batch;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.support.service.ServiceSupport;
import org.backofficehub.model.Booking;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.model.OrderStatus;
import org.backofficehub.store.GroupCommit;

/**
 * Batch mode's answer to orders: staged durably under the route they came in by, each with a
 * tracking id for its sender; an order sent again is answered as before (its tracking id while
 * staged, its booking once booked). Orders staged at the same time share one commit, so staging stays
 * cheaper than booking.
 */
public final class OrderStaging extends ServiceSupport {

    private final GroupCommit<BookingStage.Staging, BookingStage.Staged> writer;

    public OrderStaging(BookingStage stage, int maxBatch, int maxQueued, long answerTimeoutMillis) {
        this.writer = new GroupCommit<>("stage", stage::stageAll, maxBatch, maxQueued, answerTimeoutMillis);
    }

    /** The answer at index i is for order i: staged (now or before, with its tracking id), or booked before. */
    public List<OrderAnswer> stage(List<Order> orders, String routeId) {
        if (orders.isEmpty()) {
            return List.of();
        }
        List<BookingStage.Staging> staging = orders.stream().map(order -> new BookingStage.Staging(routeId, order)).toList();
        List<BookingStage.Staged> staged = writer.submit(staging, orders.size() == 1 ? "order " + orders.get(0).key() : orders.size() + " orders");
        List<OrderAnswer> answers = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            BookingStage.Staged one = staged.get(i);
            answers.add(one.bookedBefore()
                    ? OrderAnswer.booked(order, new Booking(order.key(), one.erpOrderNumber(), OrderStatus.BOOKED, true))
                    : OrderAnswer.staged(order, one.trackingId()));
        }
        return answers;
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
