package org.backofficehub.observe;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;

/**
 * The keys that tie a log line to a document: the routes keep them as exchange properties named
 * as {@link #PROPERTIES} lists, and camel-mdc puts them into the logging MDC around every step
 * ({@code camel.mdc.customExchangeProperties}), so each line of an order's processing says whose
 * it is. An exchange carrying several orders (an interchange, a chunk of it) names them all, up
 * to a few: a log line is not the place for ten thousand order numbers.
 */
public final class DocumentKeys {

    /** The exchange properties, and the MDC keys, in config/application.properties' camel.mdc.customExchangeProperties. */
    public static final List<String> PROPERTIES = List.of("orderId", "source", "partner", "interchange", "trackingId");

    static final int MOST_NAMED = 5;

    public String orderIds(List<?> orders) {
        return join(orders, item -> item instanceof Order order ? order.orderId() : null);
    }

    public String sources(List<?> orders) {
        return join(orders, item -> item instanceof Order order ? order.source() : null);
    }

    /** The tracking ids batch mode gave the staged orders among these answers. */
    public String trackingIds(List<?> answers) {
        return join(answers, item -> item instanceof OrderAnswer answer ? answer.trackingId() : null);
    }

    private static String join(List<?> items, Function<Object, String> key) {
        if (items == null) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Object item : items) {
            String one = key.apply(item);
            if (one != null) {
                keys.add(one);
            }
        }
        if (keys.isEmpty()) {
            return null;
        }
        List<String> named = keys.stream().limit(MOST_NAMED).toList();
        return String.join(",", named) + (keys.size() > MOST_NAMED ? " +" + (keys.size() - MOST_NAMED) + " more" : "");
    }
}
