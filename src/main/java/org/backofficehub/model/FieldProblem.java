package org.backofficehub.model;

/**
 * One thing wrong with an input, located by a JSON Pointer ({@code /lines/0/sku}) for JSON,
 * or by element path and line for XML.
 */
public record FieldProblem(String field, String reason) {
}
