package org.backofficehub.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;
import org.backofficehub.util.BuiltOnFirstUse;

/**
 * Turns web-store order bytes into a canonical order: parse, validate against the published
 * JSON Schema, translate. The schema is compiled once, on first use; this class is thread-safe.
 */
public final class WebOrderReader {

    private static final String SCHEMA = "/schema/webstore-order.schema.json";

    private final ObjectMapper mapper;
    private final BuiltOnFirstUse<JsonSchema> schema = new BuiltOnFirstUse<>(WebOrderReader::loadSchema);
    private final WebOrderTranslator translator = new WebOrderTranslator();

    public WebOrderReader(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Order read(byte[] json) {
        JsonNode tree = parse(json);
        List<FieldProblem> problems = validate(tree);
        if (!problems.isEmpty()) {
            throw new InputRejectedException(ProblemType.SCHEMA_VIOLATION,
                    "The order does not match the web-store order schema: " + problems.get(0).field() + " " + problems.get(0).reason(),
                    problems);
        }
        try {
            return translator.toCanonical(mapper.treeToValue(tree, WebOrder.class));
        } catch (JsonProcessingException | java.time.format.DateTimeParseException e) {
            throw new InputRejectedException(ProblemType.SCHEMA_VIOLATION, "The order cannot be read: " + e.getMessage(), List.of(), e);
        }
    }

    private JsonNode parse(byte[] json) {
        try {
            JsonNode tree = mapper.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The body is empty; expected a JSON order");
            }
            return tree;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT,
                    "The body is not valid JSON" + where + ": " + withoutSourceNoise(e.getOriginalMessage()), List.of(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson names the (redacted) input source inside its messages; the sender knows what they sent. */
    private static String withoutSourceNoise(String message) {
        return message.replaceAll("\\[Source: [^;]*; ", "[");
    }

    private List<FieldProblem> validate(JsonNode tree) {
        Set<ValidationMessage> messages = schema.get().validate(tree);
        return messages.stream()
                .map(m -> new FieldProblem(pointer(m), m.getMessage().replaceFirst("^\\S+: ", "")))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    private static String pointer(ValidationMessage message) {
        String location = message.getInstanceLocation().toString(); // "$.lines[0].sku"
        String pointer = location.replaceFirst("^\\$", "").replaceAll("\\[(\\d+)]", "/$1").replace('.', '/');
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            pointer = pointer + "/" + message.getProperty();
        }
        return pointer.isEmpty() ? "/" : pointer;
    }

    private static JsonSchema loadSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = WebOrderReader.class.getResourceAsStream(SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + SCHEMA, e);
        }
    }
}
