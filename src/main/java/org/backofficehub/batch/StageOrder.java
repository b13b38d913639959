package org.backofficehub.batch;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.backofficehub.model.Order;

/** Batch mode's answer to an order: stage it durably under the route it came in by. */
public final class StageOrder implements Processor {

    public static final String TRACKING_ID = "hubTrackingId";

    private final BookingStage stage;

    public StageOrder(BookingStage stage) {
        this.stage = stage;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Order order = message.getMandatoryBody(Order.class);
        message.setHeader(TRACKING_ID, stage.stage(exchange.getFromRouteId(), order));
    }
}
