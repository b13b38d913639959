package org.backofficehub.model;

import java.util.Locale;

/**
 * How a trading partner named an ordered item, kept as it was sent so the order response can
 * echo it: {@code qualifier} is the partner's own code (X12 235 such as VP, UP, IN; EDIFACT 7143
 * such as SA, SRV, EN, IN) and {@code kind} says whose number it is, which decides the order in
 * which the hub tries them against the ERP's catalogue: the supplier's number (ours) first, then a
 * GS1 number (GTIN, UPC, EAN, ISBN), then the buyer's own number through the partner's
 * cross-reference.
 */
public record ItemIdentifier(Kind kind, String qualifier, String value) {

    public enum Kind { SUPPLIER, GTIN, BUYER, OTHER }

    /** From an X12 product/service id qualifier (DE 235) and its id. */
    public static ItemIdentifier fromX12(String qualifier, String value) {
        String code = normalised(qualifier);
        Kind kind = switch (code) {
            case "VP", "VN", "VA", "VC", "MG" -> Kind.SUPPLIER;
            case "UP", "UK", "UN", "EN", "EA", "IB" -> Kind.GTIN; // UA, UD, UI, UG carry no check digit: other numbers
            case "IN", "BP", "SK", "CB", "PI", "PD", "BL" -> Kind.BUYER;
            default -> Kind.OTHER;
        };
        return new ItemIdentifier(kind, code, value.trim());
    }

    /** From an EDIFACT item type code (DE 7143) and its number; no type is the supplier's number, as the hub has always read LIN. */
    public static ItemIdentifier fromEdifact(String type, String value) {
        String code = normalised(type);
        Kind kind = switch (code) {
            case "", "SA", "VN", "VP" -> Kind.SUPPLIER;
            case "SRV", "EN", "UP", "IB", "GTIN", "EAN" -> Kind.GTIN;
            case "IN", "BP", "BO" -> Kind.BUYER;
            default -> Kind.OTHER;
        };
        return new ItemIdentifier(kind, code, value.trim());
    }

    /**
     * The GS1 key as fourteen digits (GTIN-8, -12, -13 and -14 alike, and a ten-character ISBN as its
     * 978 GTIN-13), so numbers written with or without leading zeros find the same item; null if
     * this is no GS1 number or its check digit is wrong.
     */
    public String gtin14() {
        if (kind != Kind.GTIN) {
            return null;
        }
        String digits = value.replace("-", "").replace(" ", "");
        if (digits.length() == 8 && "UP".equals(qualifier)) {
            return null; // a UPC-E, compressed: not a GTIN-8, and not expanded here
        }
        if (digits.length() == 10 && "IB".equals(qualifier)) {
            String isbn13 = "978" + digits.substring(0, 9);
            digits = isbn13 + checkDigit(isbn13);
        }
        if (!digits.matches("\\d{8}|\\d{12,14}")) {
            return null;
        }
        String padded = "0".repeat(14 - digits.length()) + digits;
        return checkDigit(padded.substring(0, 13)) == padded.charAt(13) - '0' ? padded : null;
    }

    /** GS1 mod-10 check digit over the digits before it. */
    static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    private static String normalised(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }
}
