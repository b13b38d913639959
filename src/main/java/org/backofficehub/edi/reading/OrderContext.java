package org.backofficehub.edi.reading;

import java.time.LocalDate;
import java.util.List;
import org.backofficehub.model.Party;

/**
 * What a translator knows beyond the message: the partner the order comes from ({@code source},
 * with its document number the order's key), the partner as a party for orders that name no buyer,
 * where to look for the buyer then ({@code buyerFrom}, in order: {@code bill-to}, {@code partner},
 * {@code ship-to}), the day the order arrived, for orders that carry no date, and the partner's
 * currency for orders that name none (null if its profile names none either).
 */
public record OrderContext(String source, Party partner, List<String> buyerFrom, LocalDate received, String currency) {

    public static final List<String> DEFAULT_BUYER_FROM = List.of("bill-to", "partner");

    public OrderContext {
        buyerFrom = List.copyOf(buyerFrom);
    }
}
