package org.backofficehub.edi;

import java.util.List;

/**
 * One segment as read: its tag and its elements, each a list of components (a simple element
 * has one). Positions are 1-based, as every EDI guide counts them; absent ones read as "".
 */
public record Segment(String tag, List<List<String>> elements) {

    public Segment {
        elements = List.copyOf(elements);
    }

    public String element(int position) {
        return component(position, 1);
    }

    public String component(int position, int component) {
        if (position < 1 || position > elements.size()) {
            return "";
        }
        List<String> components = elements.get(position - 1);
        return component >= 1 && component <= components.size() ? components.get(component - 1) : "";
    }

    public boolean has(int position) {
        return !element(position).isEmpty();
    }
}
