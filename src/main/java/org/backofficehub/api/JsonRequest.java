package org.backofficehub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.camel.Message;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/** An HTTP request's JSON object body; no body counts as {@code {}}, anything but a JSON object is a 400. */
public final class JsonRequest {

    private JsonRequest() {
    }

    public static JsonNode object(Message message, ObjectMapper json) {
        byte[] body = message.getBody(byte[].class);
        if (body == null || body.length == 0) {
            return json.createObjectNode();
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "The request body is not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "The request body must be a JSON object");
        }
        return node;
    }
}
