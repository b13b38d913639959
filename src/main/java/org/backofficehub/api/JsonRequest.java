package org.backofficehub.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Message;
import org.backofficehub.json.StrictJson;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * An admin request's JSON object body, taken as strictly as an order: a JSON media type, a body,
 * exact JSON in strict UTF-8, and an object. Anything else is a 400 (415 for the media type).
 */
public final class JsonRequest {

    private final StrictJson json;

    public JsonRequest(StrictJson json) {
        this.json = json;
    }

    public JsonNode object(Message message) {
        JsonContentType.require(message, ProblemType.INVALID_REQUEST);
        JsonNode node = json.read(message.getBody(byte[].class), ProblemType.INVALID_REQUEST, "The request body");
        if (!node.isObject()) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "The request body must be a JSON object");
        }
        return node;
    }
}
