package org.backofficehub.edi.partners;

import java.util.List;
import java.util.Set;

/**
 * What a partner's profile says about the business of its orders, as opposed to their syntax:
 * where the buyer is found when the order names none ({@code buyer.from}: {@code bill-to},
 * {@code partner}, {@code ship-to}, tried in the order given), and whether orders of test
 * interchanges (ISA15 {@code T}, UNB test indicator 1) are booked ({@code test.interchanges =
 * book}) or only acknowledged and answered ({@code acknowledge}, the default); the currency of its
 * orders that name none ({@code currency}, ISO 4217; none by default, so such an order is refused);
 * and what becomes of an order the catalogue cannot settle (an unknown item, a unit not sold):
 * answered at once with a refusing order response ({@code unsettled = respond}, the default), or
 * held as a failure for an administrator to correct and replay, the response following the
 * booking ({@code unsettled = hold}).
 */
public record OrderPolicy(List<String> buyerFrom, boolean bookTestInterchanges, String currency, boolean holdUnsettled) {

    private static final Set<String> BUYER_SOURCES = Set.of("bill-to", "partner", "ship-to");
    public static final OrderPolicy DEFAULT = new OrderPolicy(List.of("bill-to", "partner"), false, null, false);

    public OrderPolicy {
        buyerFrom = List.copyOf(buyerFrom);
        for (String from : buyerFrom) {
            if (!BUYER_SOURCES.contains(from)) {
                throw new IllegalStateException("buyer.from names '" + from + "'; known: bill-to, partner, ship-to");
            }
        }
    }
}
