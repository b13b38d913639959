package org.backofficehub.batch;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.support.service.ServiceSupport;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.store.GroupCommit;

/**
 * Batch mode's answer to orders: staged durably under the route they came in by, each with a
 * tracking id for its sender. Orders staged at the same time share one commit, so staging stays
 * cheaper than booking.
 */
public final class OrderStaging extends ServiceSupport {

    private final GroupCommit<BookingStage.Staging, String> writer;

    public OrderStaging(BookingStage stage, int maxBatch, int maxQueued, long answerTimeoutMillis) {
        this.writer = new GroupCommit<>("stage", stage::stageAll, maxBatch, maxQueued, answerTimeoutMillis);
    }

    /** The answer at index i is for order i. */
    public List<OrderAnswer> stage(List<Order> orders, String routeId) {
        if (orders.isEmpty()) {
            return List.of();
        }
        List<BookingStage.Staging> staging = orders.stream().map(order -> new BookingStage.Staging(routeId, order)).toList();
        List<String> trackingIds = writer.submit(staging, orders.size() == 1 ? "order " + orders.get(0).key() : orders.size() + " orders");
        List<OrderAnswer> answers = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            answers.add(OrderAnswer.staged(orders.get(i), trackingIds.get(i)));
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
