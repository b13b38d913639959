package org.backofficehub.batch;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;
import org.backofficehub.store.GroupCommit;
import java.util.List;
import org.backofficehub.model.Order;

/**
 * Batch mode's answer to an order: stage it durably under the route it came in by. Orders
 * staged at the same time share one commit, so staging stays cheaper than booking.
 */
public final class StageOrder extends ServiceSupport implements Processor {

    public static final String TRACKING_ID = "hubTrackingId";

    private final GroupCommit<BookingStage.Staging, String> writer;

    public StageOrder(BookingStage stage, int maxBatch, int maxQueued, long answerTimeoutMillis) {
        this.writer = new GroupCommit<>("stage", stage::stageAll, maxBatch, maxQueued, answerTimeoutMillis);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Order order = message.getMandatoryBody(Order.class);
        String trackingId = writer.submit(List.of(new BookingStage.Staging(exchange.getFromRouteId(), order)), "order " + order.key()).get(0);
        message.setHeader(TRACKING_ID, trackingId);
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
