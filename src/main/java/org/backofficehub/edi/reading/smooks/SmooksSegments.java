package org.backofficehub.edi.reading.smooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backofficehub.edi.Segment;

/**
 * Turns a segment of Smooks' EDIFACT XML back into positions. Smooks names elements by their
 * directory id (E1004, C507) and leaves empty ones out, so positions come from this table of the
 * segments the order translator reads (D96A and D01B agree on them); an id not listed takes the
 * next position after the previous one, which is where it stands when nothing before it was empty.
 */
final class SmooksSegments {

    /** Segment tag to its elements' ids and positions. An id used for several positions (PIA's C212) fills them in order. */
    private static final Map<String, Map<String, Integer>> ELEMENTS = Map.ofEntries(
            Map.entry("BGM", Map.of("C002", 1, "E1004", 2, "C106", 2, "E1225", 3, "E4343", 4)),
            Map.entry("DTM", Map.of("C507", 1)),
            Map.entry("NAD", Map.of("E3035", 1, "C082", 2, "C058", 3, "C080", 4, "C059", 5, "E3164", 6, "E3229", 7, "C819", 7,
                    "E3251", 8, "E3207", 9)),
            Map.entry("CTA", Map.of("E3139", 1, "C056", 2)),
            Map.entry("COM", Map.of("C076", 1)),
            Map.entry("CUX", Map.of("C504", 1, "E5402", 3, "E6341", 4)),
            Map.entry("LIN", Map.of("E1082", 1, "E1229", 2, "C212", 3, "C829", 4, "E1222", 5, "E7083", 6)),
            Map.entry("PIA", Map.of("E4347", 1, "C212", 2)),
            Map.entry("IMD", Map.of("E7077", 1, "C272", 2, "C273", 3, "E3453", 4)),
            Map.entry("QTY", Map.of("C186", 1)),
            Map.entry("PRI", Map.of("C509", 1, "E5213", 2)),
            Map.entry("UNS", Map.of("E0081", 1)));

    /** Composite id to its components' ids and positions; repeated ids (C080's E3036) fill positions in order. */
    private static final Map<String, Map<String, Integer>> COMPONENTS = Map.ofEntries(
            Map.entry("C002", Map.of("E1001", 1, "E1131", 2, "E3055", 3, "E1000", 4)),
            Map.entry("C106", Map.of("E1004", 1, "E1056", 2, "E1060", 3)),
            Map.entry("C507", Map.of("E2005", 1, "E2380", 2, "E2379", 3)),
            Map.entry("C082", Map.of("E3039", 1, "E1131", 2, "E3055", 3)),
            Map.entry("C058", Map.of("E3124", 1)),
            Map.entry("C080", Map.of("E3036", 1, "E3045", 6)),
            Map.entry("C059", Map.of("E3042", 1)),
            Map.entry("C056", Map.of("E3413", 1, "E3412", 2)),
            Map.entry("C076", Map.of("E3148", 1, "E3155", 2)),
            Map.entry("C504", Map.of("E6347", 1, "E6345", 2, "E6343", 3, "E6348", 4)),
            Map.entry("C212", Map.of("E7140", 1, "E7143", 2, "E1131", 3, "E3055", 4)),
            Map.entry("C273", Map.of("E7009", 1, "E1131", 2, "E3055", 3, "E7008", 4)),
            Map.entry("C186", Map.of("E6063", 1, "E6060", 2, "E6411", 3)),
            Map.entry("C509", Map.of("E5125", 1, "E5118", 2, "E5375", 3, "E5387", 4, "E5284", 5, "E6411", 6)));

    private SmooksSegments() {
    }

    /** A segment's element: three characters, tag-like (UNB, NAD); composites (C507) and simple elements (E1004) have more. */
    static boolean isSegment(String name) {
        return name.length() == 3 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))
                && Character.isLetterOrDigit(name.charAt(2));
    }

    static Segment toSegment(XmlPart segment) {
        String tag = segment.name();
        Map<String, Integer> positions = ELEMENTS.getOrDefault(tag, Map.of());
        List<List<String>> elements = new ArrayList<>();
        int previous = 0;
        for (XmlPart child : segment.children()) {
            int position = position(positions.get(child.name()), previous);
            List<String> value = isComposite(child) ? components(child) : List.of(child.text());
            set(elements, position, value);
            previous = position;
        }
        return new Segment(tag, elements);
    }

    private static List<String> components(XmlPart composite) {
        Map<String, Integer> positions = COMPONENTS.getOrDefault(composite.name(), Map.of());
        List<String> components = new ArrayList<>();
        int previous = 0;
        for (XmlPart child : composite.children()) {
            int position = position(positions.get(child.name()), previous);
            while (components.size() < position) {
                components.add("");
            }
            components.set(position - 1, child.text());
            previous = position;
        }
        return components;
    }

    /**
     * An id's position: its place in the table, or the one after the previous element when it is
     * unknown or repeats (a second E3036 in C080, a second C212 in PIA).
     */
    private static int position(Integer base, int previous) {
        return base == null || base <= previous ? previous + 1 : base;
    }

    private static void set(List<List<String>> elements, int position, List<String> value) {
        while (elements.size() < position) {
            elements.add(new ArrayList<>(1));
        }
        elements.set(position - 1, value);
    }

    private static boolean isComposite(XmlPart part) {
        return part.name().startsWith("C") || part.name().startsWith("S");
    }
}
