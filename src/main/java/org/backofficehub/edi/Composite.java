package org.backofficehub.edi;

import java.util.Arrays;

/** A composite data element to write: its components in order; empty or null ones stay empty. */
public record Composite(String... components) {

    public static Composite of(String... components) {
        return new Composite(components);
    }

    public boolean isEmpty() {
        return Arrays.stream(components).allMatch(c -> c == null || c.isEmpty());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Composite composite && Arrays.equals(components, composite.components);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components);
    }

    @Override
    public String toString() {
        return String.join(":", components);
    }
}
