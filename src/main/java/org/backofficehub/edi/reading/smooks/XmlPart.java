package org.backofficehub.edi.reading.smooks;

import java.util.ArrayList;
import java.util.List;

/** An element of Smooks' EDIFACT XML while its segment is read: its name, its text and its child elements. */
final class XmlPart {

    private final String name;
    private StringBuilder text;
    private List<XmlPart> children;

    XmlPart(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    String text() {
        return text == null ? "" : text.toString();
    }

    List<XmlPart> children() {
        return children == null ? List.of() : children;
    }

    void append(String more) {
        if (text == null) {
            text = new StringBuilder(more.length());
        }
        text.append(more);
    }

    void add(XmlPart child) {
        if (children == null) {
            children = new ArrayList<>(4);
        }
        children.add(child);
    }

    /** The text of the first child element of that name, "" if there is none. */
    String childText(String childName) {
        for (XmlPart child : children()) {
            if (child.name.equals(childName)) {
                return child.text();
            }
        }
        return "";
    }
}
