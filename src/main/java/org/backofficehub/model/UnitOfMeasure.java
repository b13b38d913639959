package org.backofficehub.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Units of measure in the canonical order are UN/ECE Recommendation 20 codes, as EDIFACT (DE 6411)
 * writes them. X12 has its own list (DE 355), mapped here; a code the table does not know is kept
 * as sent, so a quantity is never silently read as "each".
 */
public final class UnitOfMeasure {

    /** X12 DE 355 codes whose Recommendation 20 code differs (same-named codes such as EA, BX, PK pass as they are). */
    private static final Map<String, String> X12_TO_REC20 = Map.ofEntries(
            Map.entry("PC", "H87"), Map.entry("CA", "CS"), Map.entry("DZ", "DZN"), Map.entry("LB", "LBR"),
            Map.entry("KG", "KGM"), Map.entry("GA", "GLL"), Map.entry("FT", "FOT"), Map.entry("YD", "YRD"),
            Map.entry("IN", "INH"), Map.entry("LT", "LTR"), Map.entry("ML", "MLT"), Map.entry("GR", "GRM"),
            Map.entry("OZ", "ONZ"), Map.entry("MR", "MTR"), Map.entry("CM", "CMT"), Map.entry("RL", "RO"),
            Map.entry("CT", "CT"), Map.entry("ST", "SET"), Map.entry("TN", "STN"), Map.entry("GS", "GRO"));
    /** Codes that all mean one piece of the item: one of whatever countable unit the ERP sells it in (a piece, a bottle). */
    private static final Set<String> ONE_PIECE = Set.of("EA", "H87", "C62", "PCE", "PCS", "PC", "NMB", "NAR", "UN");
    /** Single containers that hold one item each: one bottle, bag, can, jar, tube or sack is one piece of what it holds. */
    private static final Set<String> SINGLE_CONTAINERS = Set.of("BO", "BG", "CA", "JR", "TU", "SA", "BT");

    private UnitOfMeasure() {
    }

    public static String fromX12(String code) {
        String unit = normalised(code);
        return unit.isEmpty() ? null : X12_TO_REC20.getOrDefault(unit, unit);
    }

    public static String fromEdifact(String code) {
        String unit = normalised(code);
        return unit.isEmpty() ? null : unit;
    }

    /** A canonical (Recommendation 20) unit as X12 writes it, for an 855 that echoes the order; "EA" for the item's own unit. */
    public static String toX12(String unit) {
        if (unit == null) {
            return "EA";
        }
        return X12_TO_REC20.entrySet().stream().filter(e -> e.getValue().equals(unit) && !e.getKey().equals("CT"))
                .map(Map.Entry::getKey).findFirst().orElse(unit);
    }

    /**
     * Whether an ordered unit is the unit an item is sold in; no ordered unit means the item's own,
     * and "each" is one piece or one single container (ten EA of an item sold by the bottle are ten
     * bottles), never a case, a dozen, a pack or a weight: those must be ordered as such.
     */
    public static boolean sameUnit(String ordered, String itemUnit) {
        if (ordered == null || itemUnit == null) {
            return true;
        }
        String a = normalised(ordered);
        String b = normalised(itemUnit);
        return a.equals(b) || ONE_PIECE.contains(a) && (ONE_PIECE.contains(b) || SINGLE_CONTAINERS.contains(b));
    }

    private static String normalised(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }
}
