package org.backofficehub.edi.reading;

import io.xlate.edi.schema.EDIComplexType;
import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDISimpleType;
import io.xlate.edi.schema.EDISyntaxRule;
import io.xlate.edi.schema.EDIType;
import java.util.List;
import java.util.Set;
import org.backofficehub.edi.Segment;

/**
 * What a segment of an implementation guide allows in its elements, checked the way StAEDI checks
 * them but erring towards "not sure": an element rule or syntax rule it does not model makes the
 * segment unconfirmable, so StAEDI decides.
 */
final class SegmentRule {

    private final ElementRule[] elements;
    private final PresenceRule[] presence;
    private final boolean confirmable;

    private SegmentRule(ElementRule[] elements, PresenceRule[] presence, boolean confirmable) {
        this.elements = elements;
        this.presence = presence;
        this.confirmable = confirmable;
    }

    static SegmentRule compile(EDIComplexType segment) {
        List<EDIReference> references = segment.getReferences();
        ElementRule[] elements = new ElementRule[references.size()];
        boolean confirmable = true;
        for (int i = 0; i < elements.length; i++) {
            EDIReference reference = references.get(i);
            elements[i] = ElementRule.compile(reference);
            confirmable &= elements[i] != null;
        }
        List<EDISyntaxRule> syntax = segment.getSyntaxRules();
        PresenceRule[] presence = new PresenceRule[syntax.size()];
        for (int i = 0; i < presence.length; i++) {
            presence[i] = PresenceRule.compile(syntax.get(i));
            confirmable &= presence[i] != null;
        }
        return new SegmentRule(elements, presence, confirmable);
    }

    boolean conforms(Segment segment, char decimalMark) {
        if (!confirmable) {
            return false;
        }
        List<List<String>> values = segment.elements();
        if (values.size() > elements.length) {
            return false;
        }
        for (int i = 0; i < elements.length; i++) {
            List<String> components = i < values.size() ? values.get(i) : List.of();
            if (!elements[i].conforms(components, decimalMark)) {
                return false;
            }
        }
        for (PresenceRule rule : presence) {
            if (!rule.holds(values)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A syntax note on which elements go together (X12.6 paired, required, conditional, exclusion,
     * list conditional); a note of another kind is not modelled (null): StAEDI decides.
     */
    private record PresenceRule(EDISyntaxRule.Type type, int[] positions) {

        static PresenceRule compile(EDISyntaxRule rule) {
            return switch (rule.getType()) {
                case PAIRED, REQUIRED, CONDITIONAL, EXCLUSION, LIST ->
                        new PresenceRule(rule.getType(), rule.getPositions().stream().mapToInt(Integer::intValue).toArray());
                default -> null;
            };
        }

        boolean holds(List<List<String>> values) {
            int present = 0;
            for (int position : positions) {
                present += present(values, position) ? 1 : 0;
            }
            boolean first = present(values, positions[0]);
            return switch (type) {
                case PAIRED -> present == 0 || present == positions.length;
                case REQUIRED -> present > 0;
                case CONDITIONAL -> !first || present == positions.length;
                case EXCLUSION -> present <= 1;
                case LIST -> !first || present > 1;
                default -> false;
            };
        }

        private static boolean present(List<List<String>> values, int position) {
            if (position > values.size()) {
                return false;
            }
            for (String component : values.get(position - 1)) {
                if (component != null && !component.isEmpty()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A simple element (one value rule) or a composite (one per component). */
    private record ElementRule(boolean required, boolean composite, ValueRule[] components, boolean[] componentRequired) {

        static ElementRule compile(EDIReference reference) {
            EDIType type = reference.getReferencedType();
            if (reference.hasVersions()) {
                return null;
            }
            boolean required = reference.getMinOccurs() > 0;
            if (type instanceof EDISimpleType simple) {
                ValueRule value = ValueRule.compile(simple);
                return value == null ? null : new ElementRule(required, false, new ValueRule[] {value}, new boolean[] {true});
            }
            EDIComplexType composite = (EDIComplexType) type;
            if (!composite.getSyntaxRules().isEmpty()) {
                return null;
            }
            List<EDIReference> parts = composite.getReferences();
            ValueRule[] components = new ValueRule[parts.size()];
            boolean[] componentRequired = new boolean[parts.size()];
            for (int i = 0; i < components.length; i++) {
                EDIReference part = parts.get(i);
                if (part.hasVersions() || !(part.getReferencedType() instanceof EDISimpleType simple)) {
                    return null;
                }
                components[i] = ValueRule.compile(simple);
                componentRequired[i] = part.getMinOccurs() > 0;
                if (components[i] == null) {
                    return null;
                }
            }
            return new ElementRule(required, true, components, componentRequired);
        }

        boolean conforms(List<String> values, char decimalMark) {
            boolean present = false;
            for (String value : values) {
                present |= !value.isEmpty();
            }
            if (!present) {
                return !required;
            }
            if (values.size() > components.length) {
                return false;
            }
            for (int i = 0; i < components.length; i++) {
                String value = i < values.size() ? values.get(i) : "";
                if (value.isEmpty()) {
                    if (composite && componentRequired[i]) {
                        return false;
                    }
                } else if (!components[i].conforms(value, decimalMark)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One value's type, length and code list, as StAEDI's element validators read them. */
    private record ValueRule(EDISimpleType.Base base, long minLength, long maxLength, Set<String> codes) {

        static ValueRule compile(EDISimpleType simple) {
            if (simple.hasVersions()) {
                return null;
            }
            return switch (simple.getBase()) {
                case IDENTIFIER, STRING, NUMERIC, DECIMAL, DATE ->
                        new ValueRule(simple.getBase(), simple.getMinLength(), simple.getMaxLength(), Set.copyOf(simple.getValueSet()));
                default -> null;
            };
        }

        boolean conforms(String value, char decimalMark) {
            return switch (base) {
                case IDENTIFIER, STRING -> withinLength(value.length()) && (codes.isEmpty() ? printable(value) : codes.contains(value));
                case NUMERIC -> withinLength(digits(value, '\0'));
                case DECIMAL -> withinLength(digits(value, decimalMark));
                case DATE -> (value.length() == 8 || value.length() == 6) && withinLength(value.length())
                        && digits(value, '\0') == value.length() && validDate(value);
                default -> false;
            };
        }

        private boolean withinLength(int length) {
            return length >= minLength && length <= maxLength;
        }

        /** Printable ASCII or beyond Latin-1's control block: StAEDI only refuses control characters. */
        private static boolean printable(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The number of digits of a plain number (an optional leading minus, digits, at most one
         * decimal mark between digits), or -1 for anything else, exponents included.
         */
        private static int digits(String value, char decimalMark) {
            int digits = 0;
            boolean markSeen = false;
            int start = value.charAt(0) == '-' ? 1 : 0;
            for (int i = start; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits++;
                } else if (c == decimalMark && decimalMark != '\0' && !markSeen && i > start && i < value.length() - 1) {
                    markSeen = true;
                } else {
                    return -1;
                }
            }
            return digits == 0 ? -1 : digits;
        }

        /** CCYYMMDD, or YYMMDD with the century StAEDI gives it: this one, unless that puts the year ahead of this year's. */
        private static boolean validDate(String value) {
            int year;
            int from;
            if (value.length() == 8) {
                year = Integer.parseInt(value, 0, 4, 10);
                from = 4;
            } else {
                int thisYear = java.time.LocalDate.now().getYear();
                int yy = Integer.parseInt(value, 0, 2, 10);
                year = (yy > thisYear % 100 ? thisYear / 100 - 1 : thisYear / 100) * 100 + yy;
                from = 2;
            }
            int month = Integer.parseInt(value, from, from + 2, 10);
            int day = Integer.parseInt(value, from + 2, from + 4, 10);
            return month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth();
        }
    }
}
