package org.backofficehub.edi.partners;

import io.xlate.edi.schema.EDIComplexType;
import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.EDISimpleType;
import io.xlate.edi.schema.EDIType;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;
import org.backofficehub.edi.EdiStandard;

/**
 * What the standards allow in the envelope values the hub writes (its UNB/ISA/GS and the TA1 that
 * echoes an inbound ISA), from the same StAEDI control schemas the hub's writer enforces: a value
 * taken from an inbound envelope (a stand-in profile's ids, a TA1's echo) is checked here first, so
 * an invalid one is never written, and a document is never refused by the writer for it.
 */
public final class EnvelopeSyntax {

    /** The characters the hub's X12 documents use as delimiters; X12 has no release character. */
    public static final String X12_DELIMITERS = "~*>^";
    /** The qualifier the hub answers an X12 sender under when its own is not a valid one: mutually defined. */
    public static final String X12_FALLBACK_QUALIFIER = "ZZ";

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Codes CODES = Codes.load();

    private EnvelopeSyntax() {
    }

    /** An interchange id qualifier the hub may write: ISA05/ISA07 (code list I05) or UNB 0007 (syntax 3). */
    public static boolean validQualifier(EdiStandard standard, String qualifier) {
        if (qualifier == null || qualifier.isEmpty()) {
            return false;
        }
        return (standard == EdiStandard.X12 ? CODES.x12Qualifiers() : CODES.edifactQualifiers()).contains(qualifier);
    }

    /** An interchange id the hub may write: ISA06/ISA08 (1-15 characters, none a delimiter), UNB 0004/0010 (1-35). */
    public static boolean validInterchangeId(EdiStandard standard, String id) {
        if (id == null || id.isBlank() || !printable(id)) {
            return false;
        }
        return standard == EdiStandard.X12 ? id.length() <= 15 && !containsX12Delimiter(id) : id.length() <= 35;
    }

    /** A GS02/GS03 application code the hub may write: 2-15 characters, none a delimiter. */
    public static boolean validGroupId(String id) {
        return id != null && !id.isBlank() && id.length() >= 2 && id.length() <= 15 && printable(id) && !containsX12Delimiter(id);
    }

    /** An ISA13/TA101 interchange control number: nine digits. */
    public static boolean validX12ControlNumber(String number) {
        return number != null && number.length() == 9 && digits(number);
    }

    /** An ISA09/TA102 date: YYMMDD, a real date. */
    public static boolean validX12Date(String date) {
        if (date == null || date.length() != 6 || !digits(date)) {
            return false;
        }
        try {
            LocalDate.parse(date, YYMMDD);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** An ISA10/TA103 time: HHMM. */
    public static boolean validX12Time(String time) {
        return time != null && time.length() == 4 && digits(time) && Integer.parseInt(time.substring(0, 2)) < 24
                && Integer.parseInt(time.substring(2)) < 60;
    }

    public static boolean containsX12Delimiter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (X12_DELIMITERS.indexOf(value.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    static boolean digits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !value.isEmpty();
    }

    private static boolean printable(String value) {
        return value.chars().noneMatch(Character::isISOControl);
    }

    /** The code lists, read once from StAEDI's control schemas: X12 00401 and 00501, UN/EDIFACT syntax 3. */
    private record Codes(Set<String> x12Qualifiers, Set<String> edifactQualifiers) {

        static Codes load() {
            SchemaFactory factory = SchemaFactory.newFactory();
            try {
                Set<String> x12 = new java.util.HashSet<>(values(factory.getControlSchema("X12", new String[] {"00401"}), "ISA", 5, 0));
                // The hub writes 00401 or 00501 envelopes: a qualifier must be valid in both.
                x12.retainAll(values(factory.getControlSchema("X12", new String[] {"00501"}), "ISA", 5, 0));
                Set<String> edifact = values(factory.getControlSchema("EDIFACT", new String[] {"UNOC", "3"}), "UNB", 2, 2);
                return new Codes(Set.copyOf(x12), Set.copyOf(edifact));
            } catch (EDISchemaException e) {
                throw new IllegalStateException("StAEDI's control schemas cannot be read: " + e.getMessage(), e);
            }
        }

        /** The code list of a segment's element (1-based) or of a component of it (1-based, 0 for a simple element). */
        private static Set<String> values(Schema schema, String segment, int element, int component) {
            EDIType type = ((EDIComplexType) schema.getType(segment)).getReferences().get(element - 1).getReferencedType();
            if (component > 0) {
                EDIReference reference = ((EDIComplexType) type).getReferences().get(component - 1);
                type = reference.getReferencedType();
            }
            return ((EDISimpleType) type).getValueSet();
        }
    }
}
