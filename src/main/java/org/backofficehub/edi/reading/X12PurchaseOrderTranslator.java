package org.backofficehub.edi.reading;

import static org.backofficehub.edi.reading.MessageReading.blankToNull;
import static org.backofficehub.edi.reading.MessageReading.date;
import static org.backofficehub.edi.reading.MessageReading.decimal;
import static org.backofficehub.edi.reading.MessageReading.rejected;
import static org.backofficehub.edi.reading.MessageReading.required;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.PartyIdentifier;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.Segment;

/**
 * X12 850 (004010, 005010) to the canonical order. The hub's SKU is the vendor's part number
 * (PO1 qualifier VP or VN, or SK); buyer part numbers and UPCs alone cannot be booked.
 */
public final class X12PurchaseOrderTranslator implements OrderMessageTranslator {

    private static final Set<String> SKU_QUALIFIERS = Set.of("VP", "VN", "SK");
    private static final Set<String> SHIP_TO = Set.of("ST", "DA");

    @Override
    public Order translate(String source, EdiMessage message) {
        String poNumber = null;
        LocalDate orderDate = null;
        String currency = null;
        PartyDraft buyer = null;
        PartyDraft shipTo = null;
        PartyDraft current = null;
        List<OrderLine> lines = new ArrayList<>();
        LineBuilder line = null;
        int position = 0;
        for (Segment segment : message.segments()) {
            position++;
            String where = segment.tag() + " (segment " + position + ")";
            switch (segment.tag()) {
                case "BEG" -> {
                    poNumber = required(segment.element(3), where, "purchase order number (BEG03)");
                    orderDate = date(required(segment.element(5), where, "purchase order date (BEG05)"), where);
                }
                case "CUR" -> {
                    if (line == null && currency == null) {
                        currency = blankToNull(segment.element(2));
                    }
                }
                case "N1" -> {
                    current = null;
                    if (line != null) {
                        break;
                    }
                    String role = segment.element(1);
                    if ("BY".equals(role)) {
                        buyer = current = new PartyDraft(segment.element(2));
                    } else if (SHIP_TO.contains(role) && shipTo == null) {
                        shipTo = current = new PartyDraft(segment.element(2));
                    }
                    if (current != null) {
                        current.identifier = PartyIdentifier.fromX12(segment.element(3), segment.element(4));
                    }
                }
                case "N3" -> {
                    if (current != null) {
                        current.street = blankToNull(segment.element(1) + (segment.has(2) ? ", " + segment.element(2) : ""));
                    }
                }
                case "N4" -> {
                    if (current != null) {
                        current.city = blankToNull(segment.element(1));
                        current.postalCode = blankToNull(segment.element(3));
                        current.country = blankToNull(segment.element(4));
                    }
                }
                case "PER" -> {
                    PartyDraft contactOf = current != null ? current : line == null ? buyer : null;
                    if (contactOf != null) {
                        for (int qualifier = 3; qualifier <= 7; qualifier += 2) {
                            contactOf.contact(segment.element(qualifier), segment.element(qualifier + 1));
                        }
                    }
                }
                case "PO1" -> {
                    if (line != null) {
                        lines.add(line.build());
                    }
                    line = new LineBuilder(where, lines.size() + 1, segment);
                    current = null;
                }
                case "PID" -> {
                    if (line != null && line.description == null && "F".equals(segment.element(1))) {
                        line.description = blankToNull(segment.element(5));
                    }
                }
                case "CTT" -> {
                    if (line != null) {
                        lines.add(line.build());
                        line = null;
                    }
                }
                default -> {
                    // REF, DTM, TD5, SAC, ...: no place in the canonical order.
                }
            }
        }
        if (line != null) {
            lines.add(line.build());
        }
        if (poNumber == null) {
            throw rejected("BEG", "the purchase order has no number");
        }
        if (buyer == null) {
            throw rejected("N1", "the purchase order names no buyer (N1*BY)");
        }
        if (lines.isEmpty()) {
            throw rejected("PO1", "the purchase order has no lines");
        }
        return new Order(source, poNumber, orderDate, currency, buyer.build(), shipTo == null ? null : shipTo.build(), lines);
    }

    private static final class LineBuilder {
        final String where;
        final int lineNumber;
        final String sku;
        final BigDecimal quantity;
        final BigDecimal unitPrice;
        String description;

        LineBuilder(String where, int fallbackNumber, Segment po1) {
            this.where = where;
            int number;
            try {
                number = po1.has(1) ? Integer.parseInt(po1.element(1).trim()) : fallbackNumber;
            } catch (NumberFormatException e) {
                number = fallbackNumber;
            }
            this.lineNumber = number;
            this.quantity = po1.has(2) ? decimal(po1.element(2), where) : null;
            this.unitPrice = po1.has(4) ? MessageReading.price(decimal(po1.element(4), where)) : null;
            String found = null;
            for (int qualifier = 6; qualifier <= 24 && found == null; qualifier += 2) {
                if (SKU_QUALIFIERS.contains(po1.element(qualifier))) {
                    found = blankToNull(po1.element(qualifier + 1));
                }
            }
            this.sku = found;
        }

        OrderLine build() {
            if (sku == null) {
                throw rejected(where, "line " + lineNumber + " has no vendor part number (PO1 qualifier VP)");
            }
            if (quantity == null) {
                throw rejected(where, "line " + lineNumber + " has no quantity (PO102)");
            }
            if (unitPrice == null) {
                throw rejected(where, "line " + lineNumber + " has no unit price (PO104)");
            }
            return new OrderLine(lineNumber, sku, description, quantity, unitPrice);
        }
    }
}
