package org.backofficehub.shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.backofficehub.json.StrictJson;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * A platform's order as JSON, for the shop's mapping: the first step of reading it. A body that is
 * not exactly one JSON object in strict UTF-8 is refused here, naming where it stops being that,
 * before the mapping sees it. Prices stay the decimals the platform sent (395.01, not a binary
 * fraction of it).
 */
public final class PlatformOrders {

    private final StrictJson json;

    public PlatformOrders(StrictJson json) {
        this.json = json;
    }

    public JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The body is empty; expected the platform's order as JSON");
        }
        JsonNode order = json.read(body, ProblemType.MALFORMED_DOCUMENT, "The body");
        if (!order.isObject()) {
            throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The body is no JSON object; expected the platform's order");
        }
        return order;
    }
}
