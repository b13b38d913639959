package org.backofficehub.edi.reading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backofficehub.model.ItemIdentifier;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;

/**
 * An order as a translator gathers it from the segments, whatever the message leaves out: the
 * functional acknowledgement has already said the message is well-formed, so what it lacks
 * (a buyer, a price, the supplier's item number, even a quantity) is for the order's business
 * checks to answer in the order response, not for the translator to refuse.
 */
final class OrderDraft {

    String documentNumber;
    /** Why this is not a new order to book (a cancellation, a replacement), or null for an original. */
    String purpose;
    LocalDate orderDate;
    String currency;
    PartyDraft buyer;
    PartyDraft billTo;
    PartyDraft shipTo;
    /** A contact given before any party (X12 PER*BD ahead of N1*BY): the buyer's. */
    PartyDraft headerContact;
    final List<Line> lines = new ArrayList<>();
    Line line;

    Line startLine(String lineId) {
        endLine();
        int number = lines.size() + 1;
        try {
            number = Integer.parseInt(lineId.trim());
        } catch (NumberFormatException e) {
            // Alphanumeric line ids (A1, 001-A) are numbered by position.
        }
        line = new Line(number);
        return line;
    }

    void endLine() {
        if (line != null) {
            lines.add(line);
            line = null;
        }
    }

    Order build(OrderContext context) {
        endLine();
        Party buyerParty = buyer();
        if (headerContact != null && buyer != null) {
            buyer.contactsFrom(headerContact);
            buyerParty = buyer.build();
        }
        if (buyerParty == null) {
            buyerParty = fallbackBuyer(context);
            if (headerContact != null) {
                // PER*BD / CTA+PD before any party is the buyer's contact, whoever stands for the buyer.
                buyerParty = new Party(buyerParty.name(), buyerParty.email() != null ? buyerParty.email() : headerContact.email,
                        buyerParty.phone() != null ? buyerParty.phone() : headerContact.phone, buyerParty.address(), buyerParty.identifier());
            }
        }
        List<OrderLine> built = lines.stream().map(Line::build).toList();
        if (built.stream().map(OrderLine::lineNumber).distinct().count() < built.size()) {
            // Partner line ids that are not distinct numbers (A1, 0001 twice): numbered by position, as the ERP keys lines.
            List<OrderLine> renumbered = new ArrayList<>(built.size());
            for (int i = 0; i < built.size(); i++) {
                OrderLine l = built.get(i);
                renumbered.add(new OrderLine(i + 1, l.sku(), l.description(), l.quantity(), l.unit(), l.unitPrice(), l.itemIds()));
            }
            built = renumbered;
        }
        // ISO 4217 codes are upper case; partners' systems write 'usd' as well (Evergreen's CUX+2:usd:9).
        Order order = new Order(context.source(), documentNumber, orderDate != null ? orderDate : context.received(),
                currency != null ? currency.toUpperCase(Locale.ROOT) : context.currency(),
                buyerParty, shipTo == null ? null : shipTo.build(), built);
        if (purpose != null) {
            throw new NotANewOrderException(order, "order " + documentNumber + " is " + purpose
                    + ", not a new order: not booked; it is for a person to handle in the ERP");
        }
        return order;
    }

    private Party buyer() {
        return buyer == null ? null : buyer.build();
    }

    private Party fallbackBuyer(OrderContext context) {
        for (String from : context.buyerFrom()) {
            switch (from) {
                case "bill-to" -> {
                    if (billTo != null) {
                        return billTo.build();
                    }
                }
                case "ship-to" -> {
                    if (shipTo != null) {
                        return shipTo.build();
                    }
                }
                case "partner" -> {
                    return context.partner();
                }
                default -> throw new IllegalArgumentException("buyer.from names " + from + "; known: bill-to, partner, ship-to");
            }
        }
        return context.partner();
    }

    static final class Line {
        final int lineNumber;
        final List<ItemIdentifier> ids = new ArrayList<>();
        String description;
        /** Whether the description names the item (its product text, a book's title), not one characteristic (size, author). */
        boolean descriptionNamesItem;
        BigDecimal quantity;
        /** An ordered quantity (QTY 21) was read: a discrete quantity (QTY 1) no longer stands in for it. */
        boolean orderedQuantityGiven;
        String unit;
        BigDecimal unitPrice;
        boolean netPriceGiven;

        Line(int lineNumber) {
            this.lineNumber = lineNumber;
        }

        /**
         * A description text: the first the line gives, unless a later one names the item where the
         * first described only a characteristic of it (a colour, a size, a book's author).
         */
        void describe(String text, boolean namesItem) {
            if (text != null && (description == null || namesItem && !descriptionNamesItem)) {
                description = text;
                descriptionNamesItem = namesItem;
            }
        }

        void id(ItemIdentifier id) {
            if (!id.value().isEmpty() && !ids.contains(id)) {
                ids.add(id);
            }
        }

        OrderLine build() {
            String supplierNumber = ids.stream().filter(id -> id.kind() == ItemIdentifier.Kind.SUPPLIER)
                    .map(ItemIdentifier::value).findFirst().orElse(null);
            return new OrderLine(lineNumber, supplierNumber, description, quantity, unit, unitPrice, ids);
        }
    }
}
