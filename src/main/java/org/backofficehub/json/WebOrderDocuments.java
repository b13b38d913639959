package org.backofficehub.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.backofficehub.model.ProblemType;

/**
 * A web-store order document as the hub takes it, before its schema is checked: exact JSON in
 * strict UTF-8 (StrictJson) whose text holds no control character (ControlCharacters) and whose
 * numbers are of a size to compute with (NumberSizes). The
 * {@code direct:read-json-order} route's first step, and a shop's mapped order's before its schema.
 */
public final class WebOrderDocuments {

    private final StrictJson json;

    public WebOrderDocuments(StrictJson json) {
        this.json = json;
    }

    /** A document as it came: the web store's POST body or an inbox file. */
    public void check(byte[] document) {
        refuseOddValuesIn(json.read(document, ProblemType.MALFORMED_DOCUMENT, "The document"));
    }

    /** A platform's order as its shop's mapping wrote it (text, exact JSON already): the control characters it may carry over. */
    public void checkMapped(String mapped) {
        refuseOddValuesIn(json.read(mapped.getBytes(StandardCharsets.UTF_8), ProblemType.MALFORMED_DOCUMENT, "The mapped order"));
    }

    private static void refuseOddValuesIn(JsonNode order) {
        ControlCharacters.refuseIn(order);
        NumberSizes.refuseIn(order);
    }
}
