package org.backofficehub.security;

import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;

/**
 * The web store's client reads the web store's orders, not a trading partner's or another shop's:
 * asking for another source takes the reporting role. Runs after the {@link AccessGate}.
 */
public final class OwnOrdersOnly implements Processor {

    private static final Set<String> SOURCE_PARAMETERS = Set.of("source", "partner");

    @Override
    public void process(Exchange exchange) {
        HubUser user = exchange.getProperty(AccessGate.USER_HEADER, HubUser.class);
        if (user != null && user.hasAnyOf(Set.of(Role.REPORTING))) {
            return;
        }
        Message message = exchange.getMessage();
        for (String parameter : SOURCE_PARAMETERS) {
            String source = message.getHeader(parameter, String.class);
            if (source != null && !source.isBlank() && !source.strip().equalsIgnoreCase(Order.WEBSTORE)) {
                throw new InputRejectedException(ProblemType.FORBIDDEN, "Orders of " + parameter + " '" + source.strip()
                        + "' take the role reporting (or admin); the web store's client reads " + Order.WEBSTORE + " orders");
            }
        }
    }
}
