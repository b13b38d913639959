package org.backofficehub.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.backofficehub.model.Order;

/** The canonical order as JSON, the form golden files hold it in ({@code *.canonical.json}). */
public final class CanonicalJson {

    /** Amounts kept as the order holds them (a price of 219.00, a quantity of 3.00), as trees and read back from golden files. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private CanonicalJson() {
    }

    public static JsonNode of(Order order) {
        return MAPPER.valueToTree(order);
    }

    /** Asserts the order equals a golden file's JSON, numbers compared by value (6.50 == 6.5). */
    public static void assertMatchesGolden(Order order, String goldenJson) {
        assertSame(of(order), parse(goldenJson));
    }

    /** Asserts the orders equal a golden file's JSON array of orders. */
    public static void assertAllMatchGolden(java.util.List<Order> orders, String goldenJson) {
        assertSame(MAPPER.valueToTree(orders), parse(goldenJson));
    }

    private static void assertSame(JsonNode actual, JsonNode expected) {
        org.assertj.core.api.Assertions.assertThat(actual.equals(NUMBERS_BY_VALUE, expected))
                .as("canonical order differs from golden file%nexpected: %s%nactual:   %s", expected, actual)
                .isTrue();
    }

    private static final java.util.Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String pretty(Object orders) {
        try {
            return MAPPER.writeValueAsString(orders);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
