package org.backofficehub.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The tax of one order's invoice as {@link TaxRules} decided it: category, rate, and the VAT ids the
 * invoice states (ours always; the buyer's where it has one, which an intra-community supply needs).
 */
public record TaxTreatment(TaxCategory category, BigDecimal rate, String sellerVatId, String buyerVatId, String shipToCountry) {

    /** The tax on a net total, rounded once, half up, to the cent, as the accounting system does. */
    public BigDecimal taxOn(BigDecimal net) {
        return net.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /** The rate as a percentage, as EDI documents state it: 19, 7.7, 0. */
    public BigDecimal percent() {
        BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
        return percent.scale() < 0 ? percent.setScale(0) : percent;
    }
}
