package org.backofficehub.edi.intake;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.backofficehub.edi.OrderResponse;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;

/**
 * Hands an interchange's orders to the real-time-or-batch step every channel shares
 * ({@code direct:accept-orders}), as orders of the route the interchange came in by. Booked or
 * refused orders are answered with their order responses; staged ones are answered after the drain.
 */
public final class AcceptOrders implements OrderDelivery {

    private final ProducerTemplate producer;
    private final String modeRoute;

    public AcceptOrders(ProducerTemplate producer, String modeRoute) {
        this.producer = producer;
        this.modeRoute = modeRoute;
    }

    @Override
    public List<OrderResponse> deliver(List<Order> orders) {
        List<?> answers;
        try {
            answers = producer.requestBodyAndHeader("direct:accept-orders", orders, "hubModeRoute", modeRoute, List.class);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        List<OrderResponse> responses = new ArrayList<>(answers.size());
        for (Object item : answers) {
            OrderAnswer answer = (OrderAnswer) item;
            if (answer.isStaged()) {
                continue;
            }
            responses.add(answer.refusal() == null
                    ? new OrderResponse(answer.order(), answer.booking().erpOrderNumber(), null)
                    : new OrderResponse(answer.order(), null, answer.refusal().getMessage()));
        }
        return responses;
    }
}
