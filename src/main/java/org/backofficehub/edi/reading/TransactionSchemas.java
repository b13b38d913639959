package org.backofficehub.edi.reading;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import org.backofficehub.edi.EdiStandard;

/**
 * The hub's implementation guides as StAEDI schemas, one per message type and version (a guide may
 * serve several versions of a standard that changed little between them), each compiled once, on
 * first use, also into a {@link MessageGuide}.
 *
 * <p>The guide is chosen by the message's type and version: X12 by ST03, else GS08 (its first six
 * characters: {@code 004010VICS} is 004010), EDIFACT by UNH 0052 and 0054 ({@code D} + {@code 96A}).
 * An EANCOM message (UNH 0057 {@code EAN008}, {@code EAN010}, ...) is read with the guide of the
 * directory its UNH names: a subset allows nothing its directory does not. A version without a
 * guide of its own is read with the nearest one ({@link Selection#exact()} false, and
 * {@link Selection#note()} says so); a version older than every guide only if the partner's
 * profile names it ({@link #supports}). Messages of a type without a guide here are read
 * unvalidated (acknowledgements from partners) or refused.
 */
public final class TransactionSchemas {

    /** The guides: which versions of which message type each one is written for, oldest first. */
    private static final List<GuideFile> GUIDES = List.of(
            new GuideFile(EdiStandard.X12, "850", List.of("003040", "003050", "003060"), "edi/schemas/X12-850-003.xml"),
            new GuideFile(EdiStandard.X12, "850", List.of("004010", "004030", "005010"), "edi/schemas/X12-850-004.xml"),
            new GuideFile(EdiStandard.EDIFACT, "ORDERS", List.of("D93A"), "edi/schemas/EDIFACT-ORDERS-D93A.xml"),
            new GuideFile(EdiStandard.EDIFACT, "ORDERS", List.of("D96A"), "edi/schemas/EDIFACT-ORDERS-D96A.xml"),
            new GuideFile(EdiStandard.EDIFACT, "ORDERS", List.of("D97A"), "edi/schemas/EDIFACT-ORDERS-D97A.xml"),
            new GuideFile(EdiStandard.EDIFACT, "ORDERS", List.of("D99B"), "edi/schemas/EDIFACT-ORDERS-D99B.xml"),
            new GuideFile(EdiStandard.EDIFACT, "ORDERS", List.of("D01B"), "edi/schemas/EDIFACT-ORDERS-D01B.xml"),
            new GuideFile(EdiStandard.EDIFACT, "ORDERS", List.of("D03B"), "edi/schemas/EDIFACT-ORDERS-D03B.xml"));

    /** How many versions without a guide of their own, and selections, are remembered: a hostile stream may name any. */
    private static final int MAX_REMEMBERED = 1000;
    private static final Map<String, String> NEAREST = new ConcurrentHashMap<>();

    private static final Pattern X12_VERSION = Pattern.compile("(\\d{6}).*");
    private static final Pattern DIRECTORY = Pattern.compile("D(\\d{2})([A-Z])");

    /** By resource: each guide is compiled by the first message that needs it (BuiltOnFirstUse's reasons, per guide). */
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    /** What {@link #select} found for each message type and version, as every message asks it again. */
    private final Map<String, Selection> selections = new ConcurrentHashMap<>();

    /** The guide a message is read with, and the version it was written for. */
    public record Selection(EdiStandard standard, String messageType, String version, String readAs, Schema schema,
                            MessageGuide guide) {

        /** The message's own version has a guide: no nearest one stands in for it. */
        public boolean exact() {
            return readAs.equals(version);
        }

        /** What an acknowledgement or record may say about the choice; null when the version has its own guide. */
        public String note() {
            return exact() ? null : TransactionSchemas.note(standard, messageType, version, readAs);
        }
    }

    /** The guide for a message of this type and version, the nearest version's if it has none; null: no guide for the type. */
    public Selection select(EdiStandard standard, String messageType, String version) {
        String key = standard + "/" + messageType + "/" + version;
        Selection selection = selections.get(key);
        if (selection != null) {
            return selection;
        }
        String readAs = readAs(standard, messageType, version);
        if (readAs == null) {
            return null;
        }
        Compiled guide = compiled.computeIfAbsent(resource(standard, messageType, readAs), TransactionSchemas::compile);
        selection = new Selection(standard, messageType, version, readAs, guide.schema(), guide.guide());
        if (selections.size() < MAX_REMEMBERED) {
            selections.put(key, selection);
        }
        return selection;
    }

    public Schema find(EdiStandard standard, String messageType, String version) {
        Selection selection = select(standard, messageType, version);
        return selection == null ? null : selection.schema();
    }

    /** The same guide compiled for confirming well-formed messages quickly ({@link MessageGuide}). */
    public MessageGuide guide(EdiStandard standard, String messageType, String version) {
        Selection selection = select(standard, messageType, version);
        return selection == null ? null : selection.guide();
    }

    /**
     * The version whose guide reads a message of this type and version: its own if the hub has a
     * guide for it, else the nearest (the newer of two as near; a version that cannot be read as
     * one, the newest). Null when the hub has no guide for the message type.
     */
    public static String readAs(EdiStandard standard, String messageType, String version) {
        boolean typeHasGuides = false;
        for (GuideFile file : GUIDES) {
            if (file.standard() == standard && file.messageType().equals(messageType)) {
                typeHasGuides = true;
                if (version != null && file.versions().contains(version)) {
                    return version;
                }
            }
        }
        if (!typeHasGuides) {
            return null;
        }
        String key = standard + "/" + messageType + "/" + version;
        String remembered = NEAREST.get(key);
        if (remembered != null) {
            return remembered;
        }
        String nearest = null;
        long nearestDistance = Long.MAX_VALUE;
        long wanted = ordinal(standard, version);
        for (GuideFile file : GUIDES) {
            if (file.standard() != standard || !file.messageType().equals(messageType)) {
                continue;
            }
            for (String supported : file.versions()) {
                long distance = wanted < 0 ? 0 : Math.abs(ordinal(standard, supported) - wanted);
                if (distance <= nearestDistance) {
                    nearest = supported;
                    nearestDistance = distance;
                }
            }
        }
        if (NEAREST.size() < MAX_REMEMBERED) {
            NEAREST.put(key, nearest);
        }
        return nearest;
    }

    /**
     * Whether the hub reads this version of the message type: it has a guide for the version; or
     * the version is newer than the oldest guide's (directories and releases between and after
     * the hub's guides mostly add segments and codes, which the nearest guide reads as the
     * standard does); or {@code agreed} (the partner profile's version) names it. A version older
     * than that (X12 002xxx, UN/EDIFACT D.90x or S93A) differs in its elements' very formats and is
     * read only when a profile agrees it.
     */
    public static boolean supports(EdiStandard standard, String messageType, String version, String agreed) {
        String readAs = readAs(standard, messageType, version);
        if (readAs == null || version == null || version.isEmpty()) {
            return false;
        }
        return readAs.equals(version) || version.equals(agreed) || ordinal(standard, version) >= oldest(standard, messageType);
    }

    /**
     * The oldest version the nearest guide reads as the standard does: the oldest guide's, or for
     * X12 the start of its major version (003010 and 003040 share their six-digit dates and
     * segments; 002xxx does not).
     */
    private static long oldest(EdiStandard standard, String messageType) {
        long oldest = GUIDES.stream().filter(file -> file.standard() == standard && file.messageType().equals(messageType))
                .flatMap(file -> file.versions().stream()).mapToLong(version -> ordinal(standard, version)).min().orElse(Long.MAX_VALUE);
        return standard == EdiStandard.X12 && oldest != Long.MAX_VALUE ? oldest - oldest % 1000 : oldest;
    }

    /** The versions the hub has guides for, for a message type: for messages refused as not supported. */
    public static List<String> versions(EdiStandard standard, String messageType) {
        return GUIDES.stream().filter(file -> file.standard() == standard && file.messageType().equals(messageType))
                .flatMap(file -> file.versions().stream()).toList();
    }

    public static String note(EdiStandard standard, String messageType, String version, String readAs) {
        return (standard == EdiStandard.X12 ? "X12 " : "UN/EDIFACT ") + messageType + " version "
                + (version == null || version.isEmpty() ? "(none given)" : version) + " has no guide of its own: read with the "
                + readAs + " guide, the nearest the hub has";
    }

    /** A version's place in its standard's order of versions; -1 for a version not written as one. */
    private static long ordinal(EdiStandard standard, String version) {
        if (version == null) {
            return -1;
        }
        if (standard == EdiStandard.X12) {
            Matcher m = X12_VERSION.matcher(version);
            return m.matches() ? Long.parseLong(m.group(1)) : -1;
        }
        Matcher m = DIRECTORY.matcher(version);
        if (!m.matches()) {
            return -1;
        }
        int year = Integer.parseInt(m.group(1));
        return (year >= 90 ? 1900 + year : 2000 + year) * 26L + (m.group(2).charAt(0) - 'A');
    }

    private static Compiled compile(String resource) {
        Schema schema = load(SchemaFactory.newFactory(), resource);
        return new Compiled(schema, MessageGuide.compile(schema));
    }

    private static String resource(EdiStandard standard, String messageType, String version) {
        for (GuideFile file : GUIDES) {
            if (file.standard() == standard && file.messageType().equals(messageType) && file.versions().contains(version)) {
                return file.resource();
            }
        }
        throw new IllegalArgumentException("No guide for " + standard + " " + messageType + " " + version);
    }

    private static Schema load(SchemaFactory factory, String resource) {
        try (InputStream in = TransactionSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing EDI schema " + resource);
            }
            return factory.createSchema(in);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("EDI schema " + resource + " is invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record GuideFile(EdiStandard standard, String messageType, List<String> versions, String resource) {
    }

    private record Compiled(Schema schema, MessageGuide guide) {
    }
}
