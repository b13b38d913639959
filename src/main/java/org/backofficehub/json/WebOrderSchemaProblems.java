package org.backofficehub.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.component.jsonvalidator.JsonValidatorErrorHandler;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * What the {@code json-validator:} step tells a sender whose web-store order does not match its
 * schema: every field at fault by its JSON pointer ({@code /lines/0/quantity}), or where the body
 * stops being JSON at all.
 */
public final class WebOrderSchemaProblems implements JsonValidatorErrorHandler {

    @Override
    public void handleErrors(Exchange exchange, JsonSchema schema, Set<ValidationMessage> errors) {
        if (isBlank(exchange)) {
            throw empty(null);
        }
        List<FieldProblem> problems = errors.stream()
                .map(m -> new FieldProblem(pointer(m), m.getMessage().replaceFirst("^\\S+: ", "")))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        throw new InputRejectedException(ProblemType.SCHEMA_VIOLATION,
                "The order does not match the web-store order schema: " + problems.get(0).field() + " " + problems.get(0).reason(),
                problems);
    }

    /** The body could not be read as JSON (or there was none). */
    @Override
    public void handleErrors(Exchange exchange, JsonSchema schema, Exception e) {
        if (e instanceof InputRejectedException violations) {
            throw violations; // the validator hands what the other handleErrors threw to this one
        }
        if (e instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? ""
                    : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
            throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT,
                    "The body is not valid JSON" + where + ": " + withoutSourceNoise(json.getOriginalMessage()), List.of(), e);
        }
        throw empty(e);
    }

    /** No document at all: Jackson reads nothing as a missing node, which no schema would call empty. */
    private static boolean isBlank(Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof StreamCache cache) {
            cache.reset(); // the validator has read it once already
        }
        byte[] body = exchange.getMessage().getBody(byte[].class);
        return body == null || new String(body, StandardCharsets.UTF_8).isBlank();
    }

    private static InputRejectedException empty(Exception cause) {
        return new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The body is empty; expected a JSON order", List.of(), cause);
    }

    /** Jackson names the (redacted) input source inside its messages; the sender knows what they sent. */
    private static String withoutSourceNoise(String message) {
        return message.replaceAll("\\[Source: [^;]*; ", "[");
    }

    private static String pointer(ValidationMessage message) {
        String location = message.getInstanceLocation().toString(); // "$.lines[0].sku"
        String pointer = location.replaceFirst("^\\$", "").replaceAll("\\[(\\d+)]", "/$1").replace('.', '/');
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            pointer = pointer + "/" + message.getProperty();
        }
        return pointer.isEmpty() ? "/" : pointer;
    }
}
