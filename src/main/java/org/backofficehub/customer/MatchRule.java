package org.backofficehub.customer;

import java.util.Locale;

/**
 * Why a source record belongs to its golden customer, strongest first. The rule is stored with
 * every link, so each one can be explained.
 */
public enum MatchRule {
    GLN, DUNS, ERP_NUMBER, PARTNER_NUMBER, EMAIL, PHONE_AND_NAME, NAME_AND_ADDRESS,
    /** The first record of a customer. */
    NEW,
    /** An administrator merged or split the customer. */
    MANUAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace("_and_", "+").replace('_', '-');
    }

    static MatchRule ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT).replace("+", "_AND_").replace('-', '_'));
    }

    static MatchRule ofIdKey(String idKey) {
        return switch (idKey.substring(0, idKey.indexOf(':'))) {
            case "gln" -> GLN;
            case "duns" -> DUNS;
            case "erp" -> ERP_NUMBER;
            default -> PARTNER_NUMBER;
        };
    }
}
