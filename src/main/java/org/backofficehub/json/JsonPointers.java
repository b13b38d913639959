package org.backofficehub.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Walks a JSON document, handing each field name and each value that holds no others to a check, with its JSON pointer. */
final class JsonPointers {

    /** What a check looks at; the root value's pointer is "/". */
    interface Visitor {
        void value(JsonNode value, String pointer);

        default void fieldName(String name, String pointer) {
        }
    }

    private JsonPointers() {
    }

    /** @param shown how an escaped field name is written into pointers (e.g. with its control characters spelled out) */
    static void walk(JsonNode node, UnaryOperator<String> shown, Visitor visitor) {
        walk(node, "", shown, visitor);
    }

    private static void walk(JsonNode node, String pointer, UnaryOperator<String> shown, Visitor visitor) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, shown, visitor);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = pointer + "/" + shown.apply(field.getKey().replace("~", "~0").replace("/", "~1"));
                visitor.fieldName(field.getKey(), child);
                walk(field.getValue(), child, shown, visitor);
            }
        } else {
            visitor.value(node, pointer.isEmpty() ? "/" : pointer);
        }
    }
}
