package org.backofficehub.shop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * A platform's order as JSON, for the shop's mapping: the first step of reading it. A body that is
 * no JSON object is refused here, naming where it stops being JSON, before the mapping sees it.
 */
public final class PlatformOrders {

    private final ObjectMapper json;

    public PlatformOrders(ObjectMapper json) {
        // Prices stay the decimals the platform sent (395.01, not a binary fraction of it).
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The body is empty; expected the platform's order as JSON");
        }
        try {
            JsonNode order = json.readTree(body);
            if (order == null || !order.isObject()) {
                throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The body is no JSON object; expected the platform's order");
            }
            return order;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The body is not valid JSON" + where, List.of(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
