package org.backofficehub.edi.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * EDI text cut into segments and elements the way the standards define the delimiters, written for
 * the corpus test independently of the hub's reader: it must be able to list the messages of a file
 * that the hub cannot read, and read the acknowledgements the hub writes.
 *
 * <p>X12: the element separator is the character after "ISA", the component separator is ISA16 and
 * the segment terminator the character after it; whitespace (line breaks, indentation) around
 * segments is dropped. EDIFACT: UNA if present, else the default delimiters {@code :+.? '}; a
 * release character escapes the next character; line breaks inside segments are dropped (files
 * wrapped at a fixed width).
 */
public final class EdiText {

    /** One segment: its elements (index 0 is the tag), components still joined by the component separator. */
    public record Segment(List<String> elements, char componentSeparator) {

        public String tag() {
            return elements.get(0);
        }

        /** Element i (1-based), or "" when absent. */
        public String element(int i) {
            return i < elements.size() ? elements.get(i) : "";
        }

        /** Component c (1-based) of element i, or "". */
        public String component(int i, int c) {
            String[] parts = split(element(i), componentSeparator);
            return c - 1 < parts.length ? parts[c - 1].replace(RELEASED_COMPONENT, componentSeparator) : "";
        }

        /** The segment written with the X12/EDIFACT-neutral delimiters * and : for reports. */
        public String display() {
            return String.join("*", elements.stream().map(e -> e.replace(componentSeparator, ':').replace(RELEASED_COMPONENT, ':')).toList());
        }
    }

    /** A released (escaped) EDIFACT component separator, kept apart from real ones until components are split. */
    static final char RELEASED_COMPONENT = '\uE000';

    private EdiText() {
    }

    public static boolean isX12(String text) {
        return text.startsWith("ISA", start(text));
    }

    /** Where the content starts: after a byte order mark and leading whitespace. */
    static int start(String text) {
        int i = 0;
        if (text.startsWith("\u00EF\u00BB\u00BF")) { // UTF-8 BOM read as ISO 8859-1
            i = 3;
        } else if (text.startsWith("\uFEFF")) {
            i = 1;
        }
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Every segment of an X12 text, interchange after interchange (each ISA sets its own delimiters). */
    public static List<Segment> x12Segments(String text) {
        List<Segment> segments = new ArrayList<>();
        int cursor = start(text);
        while (true) {
            int isa = text.indexOf("ISA", cursor);
            if (isa < 0 || isa + 4 > text.length()) {
                return segments;
            }
            char elementSeparator = text.charAt(isa + 3);
            int k = isa + 3;
            for (int n = 1; n < 16 && k >= 0; n++) {
                k = text.indexOf(elementSeparator, k + 1);
            }
            if (k < 0 || k + 2 >= text.length()) {
                return segments;
            }
            char componentSeparator = text.charAt(k + 1);
            char terminator = text.charAt(k + 2);
            // A line break after ISA16 is the terminator (newline-terminated files); CR LF counts as one.
            if (terminator == '\r') {
                terminator = k + 3 < text.length() && text.charAt(k + 3) == '\n' ? '\n' : '\r';
            }
            segments.add(new Segment(List.of(text.substring(isa, k + 2).split(java.util.regex.Pattern.quote(
                    String.valueOf(elementSeparator)), -1)), componentSeparator));
            cursor = k + 3;
            while (cursor < text.length()) {
                int end = text.indexOf(terminator, cursor);
                if (end < 0) {
                    end = text.length();
                }
                String raw = text.substring(cursor, end).strip();
                cursor = end + 1;
                if (raw.isEmpty()) {
                    continue;
                }
                Segment segment = new Segment(List.of(raw.split(java.util.regex.Pattern.quote(String.valueOf(elementSeparator)), -1)),
                        componentSeparator);
                segments.add(segment);
                if (segment.tag().equals("IEA")) {
                    break;
                }
            }
        }
    }

    /** Every segment of an EDIFACT text. */
    public static List<Segment> edifactSegments(String text) {
        int cursor = start(text);
        char component = ':';
        char element = '+';
        char release = '?';
        char terminator = '\'';
        if (text.startsWith("UNA", cursor) && cursor + 9 <= text.length()) {
            component = text.charAt(cursor + 3);
            element = text.charAt(cursor + 4);
            release = text.charAt(cursor + 6);
            terminator = text.charAt(cursor + 8);
            cursor += 9;
        }
        List<Segment> segments = new ArrayList<>();
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = cursor; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == release && i + 1 < text.length()) {
                char released = text.charAt(++i);
                current.append(released == component ? RELEASED_COMPONENT : released);
            } else if (c == element) {
                elements.add(current.toString());
                current.setLength(0);
            } else if (c == terminator) {
                elements.add(current.toString());
                current.setLength(0);
                addEdifact(segments, elements, component);
                elements = new ArrayList<>();
            } else if (c == '\r' || c == '\n') {
                continue; // line breaks are no part of EDIFACT data: files wrapped at a fixed width
            } else {
                current.append(c);
            }
        }
        elements.add(current.toString());
        addEdifact(segments, elements, component);
        return segments;
    }

    private static void addEdifact(List<Segment> segments, List<String> elements, char component) {
        if (elements.size() == 1 && elements.get(0).isBlank()) {
            return;
        }
        elements.set(0, elements.get(0).strip());
        segments.add(new Segment(List.copyOf(elements), component));
    }

    static String[] split(String value, char separator) {
        return value.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
    }
}
