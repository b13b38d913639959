package org.backofficehub.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where two JSON documents differ, one line per difference named by its path
 * ({@code orders[2].order.lines[0].unit: expected "EA", got "CS"}), numbers compared by value
 * (6.50 is 6.5): a golden file's failure that says what changed, not two documents to compare by eye.
 */
public final class JsonDiff {

    private JsonDiff() {
    }

    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        compare("", expected, actual, found);
        return found;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> found) {
        if (expected == null || expected.isMissingNode()) {
            found.add(path + ": not expected, got " + actual);
        } else if (actual == null || actual.isMissingNode()) {
            found.add(path + ": expected " + expected + ", missing");
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                found.add(path + ": expected " + expected + ", got " + actual);
            }
        } else if (expected.isObject() && actual.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path.isEmpty() ? name : path + "." + name, expected.get(name), actual.get(name), found);
            }
        } else if (expected.isArray() && actual.isArray()) {
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext() || a.hasNext(); i++) {
                compare(path + "[" + i + "]", e.hasNext() ? e.next() : null, a.hasNext() ? a.next() : null, found);
            }
        } else if (!expected.equals(actual)) {
            found.add(path + ": expected " + expected + ", got " + actual);
        }
    }
}
