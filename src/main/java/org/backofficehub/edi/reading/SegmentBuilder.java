package org.backofficehub.edi.reading;

import java.util.ArrayList;
import java.util.List;
import org.backofficehub.edi.Segment;

/**
 * Assembles one segment from StAEDI's element events: positions are 1-based, skipped positions read
 * as empty, a simple value is an element of one component. Repeated values (occurrence 2 and later)
 * are not part of the segment: no document the hub reads uses them.
 */
final class SegmentBuilder {

    private String tag;
    private List<List<String>> elements;

    void start(String tag) {
        this.tag = tag;
        this.elements = new ArrayList<>();
    }

    void composite(int elementPosition) {
        elementAt(elementPosition);
    }

    void value(int elementPosition, int componentPosition, boolean inComposite, String text) {
        List<String> components = elementAt(elementPosition);
        if (inComposite) {
            int component = Math.max(1, componentPosition);
            while (components.size() < component) {
                components.add("");
            }
            components.set(component - 1, text);
        } else {
            components.clear();
            components.add(text);
        }
    }

    Segment build() {
        return new Segment(tag, elements);
    }

    private List<String> elementAt(int position) {
        while (elements.size() < position) {
            elements.add(new ArrayList<>(1));
        }
        return elements.get(position - 1);
    }
}
