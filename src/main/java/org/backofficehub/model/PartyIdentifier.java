package org.backofficehub.model;

import java.util.Locale;

/**
 * An identifier a party carries in a channel: a GS1 location number (GLN), a DUNS number, a
 * Standard Address Number (SAN, the book trade's), or a number one of the trading partners
 * assigned or both agreed. GLN, DUNS and SAN are global; a number assigned by the seller is our
 * own (ERP) customer number; one assigned by the buyer, or mutually defined, means something only
 * between that partner and us.
 */
public record PartyIdentifier(Scheme scheme, String value) {

    public enum Scheme { GLN, DUNS, SAN, SELLER_ASSIGNED, BUYER_ASSIGNED, MUTUALLY_DEFINED }

    /** From an EDIFACT NAD party id and its code list responsible agency (DE 3055); null if either is missing or unknown. */
    public static PartyIdentifier fromEdifact(String agency, String value) {
        Scheme scheme = switch (normalised(agency)) {
            case "9" -> Scheme.GLN;
            case "16" -> Scheme.DUNS;
            case "31B" -> Scheme.SAN;
            case "91" -> Scheme.SELLER_ASSIGNED;
            case "92" -> Scheme.BUYER_ASSIGNED;
            case "ZZZ" -> Scheme.MUTUALLY_DEFINED;
            default -> null;
        };
        return of(scheme, value);
    }

    /** From an X12 N1 identification code and its qualifier (DE 66); null if either is missing or unknown. */
    public static PartyIdentifier fromX12(String qualifier, String value) {
        Scheme scheme = switch (normalised(qualifier)) {
            case "UL" -> Scheme.GLN;
            case "1", "9" -> Scheme.DUNS;
            case "15" -> Scheme.SAN;
            case "91" -> Scheme.SELLER_ASSIGNED;
            case "92" -> Scheme.BUYER_ASSIGNED;
            case "ZZ" -> Scheme.MUTUALLY_DEFINED;
            default -> null;
        };
        return of(scheme, value);
    }

    private static PartyIdentifier of(Scheme scheme, String value) {
        return scheme == null || value == null || value.isBlank() ? null : new PartyIdentifier(scheme, value.trim());
    }

    private static String normalised(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }
}
