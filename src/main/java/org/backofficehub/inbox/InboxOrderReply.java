package org.backofficehub.inbox;

import java.util.List;
import org.apache.camel.Exchange;
import org.backofficehub.erp.ResolvedOrders;
import org.backofficehub.model.OrderAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an order file's sender gets: the file moves to done/ once its order is booked or staged
 * (logged with the ERP number or tracking id); an order the ERP or its catalogue refused puts the
 * file in error/ with the refusal as its reason.
 */
public final class InboxOrderReply {

    /** The exchange property holding what the catalogue made of a file's orders before they were accepted. */
    public static final String CATALOGUE = "hubResolvedOrders";

    private static final Logger LOG = LoggerFactory.getLogger(InboxOrderReply.class);

    /** Every order's answer: the catalogue's refusals with what booking or staging answered for the rest. */
    public List<OrderAnswer> answers(List<OrderAnswer> accepted, Exchange exchange) {
        ResolvedOrders resolved = exchange.getProperty(CATALOGUE, ResolvedOrders.class);
        return resolved == null ? accepted : resolved.answers(accepted);
    }

    public void settle(List<OrderAnswer> answers, Exchange exchange) {
        String file = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        for (OrderAnswer answer : answers) {
            if (answer.refusal() != null) {
                throw answer.refusalToThrow();
            }
            if (answer.isStaged()) {
                LOG.info("Staged {} from {} (tracking {})", answer.order().key(), file, answer.trackingId());
            } else {
                LOG.info("Booked {} from {} as ERP order {}", answer.order().key(), file, answer.booking().erpOrderNumber());
            }
        }
    }
}
