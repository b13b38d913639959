package org.backofficehub.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * No text of a web order may hold a control character (C0, DEL, C1): an order id "FZ-1\n" was
 * booked, then broke every answer about it (a Location header cannot hold a line break), and a
 * name or street with one corrupts the ERP's fixed-width fields and every file written from them.
 * The schema's patterns cannot say it for every engine (Java's {@code $} matches before a final
 * line break), so it is checked here, naming each field at fault by its JSON pointer.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static void refuseIn(JsonNode document) {
        List<FieldProblem> found = new ArrayList<>();
        JsonPointers.walk(document, ControlCharacters::visible, new JsonPointers.Visitor() {
            @Override
            public void value(JsonNode value, String pointer) {
                if (value.isTextual()) {
                    check(value.textValue(), pointer, "", found);
                }
            }

            @Override
            public void fieldName(String name, String pointer) {
                check(name, pointer, " (in the field's name)", found);
            }
        });
        if (!found.isEmpty()) {
            throw new InputRejectedException(ProblemType.SCHEMA_VIOLATION,
                    "The order has a control character in " + found.get(0).field() + ": " + found.get(0).reason(), found);
        }
    }

    /** A key's control characters written out, so the pointer naming it stays one line in a reason file. */
    private static String visible(String key) {
        StringBuilder shown = new StringBuilder(key.length());
        key.chars().forEach(c -> shown.append(Character.getType(c) == Character.CONTROL ? String.format(Locale.ROOT, "\\u%04X", c) : String.valueOf((char) c)));
        return shown.toString();
    }

    private static void check(String text, String pointer, String where, List<FieldProblem> found) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                found.add(new FieldProblem(pointer, "contains the control character U+" + String.format(Locale.ROOT, "%04X", (int) c)
                        + " at position " + (i + 1) + where + "; text fields take no line breaks, tabs or other control characters"));
                return;
            }
        }
    }
}
