package org.backofficehub.accounting;

/**
 * How an invoice is taxed, with its UN/CEFACT duty or tax category code (UNCL 5305, as EN 16931
 * and EDIFACT TAX 5305 use them) and, for an exempt supply, the reason the invoice must state.
 */
public enum TaxCategory {
    /** VAT at a rate: the home country's, or the destination's where configured (OSS, or a non-EU tax the business collects). */
    STANDARD("S", null),
    /** Goods to a business registered for VAT in another EU country: exempt here, the buyer accounts for the VAT. */
    INTRA_COMMUNITY("K", "Intra-community supply of goods, exempt (Article 138 Directive 2006/112/EC): VAT reverse charge, the buyer accounts for the VAT"),
    /** Goods leaving the EU. */
    EXPORT("G", "Export of goods outside the EU, exempt (Article 146 Directive 2006/112/EC)");

    private final String code;
    private final String exemptionReason;

    TaxCategory(String code, String exemptionReason) {
        this.code = code;
        this.exemptionReason = exemptionReason;
    }

    /** UNCL 5305: S, K or G. */
    public String code() {
        return code;
    }

    /** What an exempt invoice says about why it carries no VAT; null for a taxed one. */
    public String exemptionReason() {
        return exemptionReason;
    }
}
