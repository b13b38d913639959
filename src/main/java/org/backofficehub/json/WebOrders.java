package org.backofficehub.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;

/**
 * Web-store order documents, already checked against their schema, as canonical orders: the
 * {@code direct:read-json-order} route's last step. A document carries one order.
 */
public final class WebOrders {

    private final ObjectMapper mapper;
    private final WebOrderTranslator translator = new WebOrderTranslator();

    public WebOrders(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public List<Order> toCanonical(byte[] json) {
        try {
            return List.of(translator.toCanonical(mapper.readValue(json, WebOrder.class)));
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw unreadable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A web order another shop numbered (a platform's order, mapped to the web order's form), already
     * checked against the schema. Text, as the mapping writes it: no charset guessed on the way.
     */
    public List<Order> fromShop(String json, String source) {
        try {
            return List.of(translator.toCanonical(mapper.readValue(json, WebOrder.class), source));
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw unreadable(e);
        }
    }

    private static InputRejectedException unreadable(Exception e) {
        return new InputRejectedException(ProblemType.SCHEMA_VIOLATION, "The order cannot be read: " + e.getMessage(), List.of(), e);
    }
}
