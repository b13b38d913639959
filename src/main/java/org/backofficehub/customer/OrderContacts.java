package org.backofficehub.customer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.backofficehub.model.Address;
import org.backofficehub.model.Order;
import org.backofficehub.model.Party;
import org.backofficehub.model.PartyIdentifier;

/**
 * What an order tells the customer master: its buyer and ship-to as customer records of the
 * system that sent it, and the order (or its rejection) as an interaction with the buyer.
 */
public final class OrderContacts {

    private final Function<String, Origin> originOfSource;
    private final Clock clock;

    /** {@code originOfSource}: WEBSTORE is the web store, a partner id is EDI, anything else a document. */
    public OrderContacts(Function<String, Origin> originOfSource, Clock clock) {
        this.originOfSource = originOfSource;
        this.clock = clock;
    }

    public static String reference(Order order) {
        return order.source() + "/" + order.orderId();
    }

    /** {@code bookedAt}: when the booking committed, which is when the customer ordered as far as the history goes. */
    public List<CustomerTouch> booked(Order order, String erpOrderNumber, Instant bookedAt) {
        Origin origin = originOfSource.apply(order.source());
        ContactEvent event = new ContactEvent("order:" + reference(order), ContactEvent.ORDER, channel(origin), reference(order),
                order.netTotal(), order.currency(), "booked as ERP order " + erpOrderNumber, bookedAt);
        List<CustomerTouch> touches = new ArrayList<>(2);
        touches.add(CustomerTouch.of(record(order, order.buyer(), origin), event));
        if (order.shipTo() != null && !order.shipTo().equals(order.buyer())) {
            touches.add(CustomerTouch.of(record(order, order.shipTo(), origin)));
        }
        return touches;
    }

    public CustomerTouch rejected(Order order, String reason, Instant rejectedAt) {
        Origin origin = originOfSource.apply(order.source());
        ContactEvent event = new ContactEvent("order-rejected:" + reference(order) + ":" + ContentHash.sha256(reason).substring(0, 16),
                ContactEvent.ORDER_REJECTED, channel(origin), reference(order), order.netTotal(), order.currency(), reason, rejectedAt);
        return CustomerTouch.of(record(order, order.buyer(), origin), event);
    }

    /** An interaction about an order recorded earlier: its confirmation, acknowledgement, invoice or shipment. */
    public CustomerTouch aboutOrder(String source, String orderId, String kind, String channel, String detail) {
        return aboutOrder(source, orderId, kind, channel, detail, null, null);
    }

    /** As above, with the amount it was about (an invoice's gross total). */
    public CustomerTouch aboutOrder(String source, String orderId, String kind, String channel, String detail, BigDecimal amount,
                                    String currency) {
        String reference = source + "/" + orderId;
        return CustomerTouch.aboutOrder(reference, new ContactEvent(kind + ":" + reference + ":" + ContentHash.sha256(detail).substring(0, 16),
                kind, channel, reference, amount, currency, detail, clock.instant()));
    }

    /**
     * A party as its system's record. Its key is its content: the same party on the next order is the
     * same record, a changed one (a new address) a further record of the same customer.
     */
    private CustomerRecord record(Order order, Party party, Origin origin) {
        Address a = party.address();
        PartyIdentifier id = party.identifier();
        String key = "party:" + ContentHash.of(party.name(), party.email(), party.phone(), a, id);
        return new CustomerRecord(order.source(), key, origin, party.name(), party.email(), party.phone(), a, id,
                (order.orderDate() == null ? clock.instant().atZone(ZoneOffset.UTC).toLocalDate() : order.orderDate())
                        .atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String channel(Origin origin) {
        return switch (origin) {
            case WEBSTORE -> "web-store";
            case EDI -> "edi";
            case DOCUMENT -> "document";
            case ERP -> "erp";
        };
    }
}
