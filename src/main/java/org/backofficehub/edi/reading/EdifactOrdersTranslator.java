package org.backofficehub.edi.reading;

import static org.backofficehub.edi.reading.MessageReading.blankToNull;
import static org.backofficehub.edi.reading.MessageReading.date;
import static org.backofficehub.edi.reading.MessageReading.decimal;
import static org.backofficehub.edi.reading.MessageReading.rejected;
import static org.backofficehub.edi.reading.MessageReading.required;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * UN/EDIFACT ORDERS (D96A, EANCOM usage, D01B) to the canonical order. The hub's SKU is the
 * supplier's article number: LIN's item number when typed SA (or untyped), else a PIA with SA;
 * a GTIN alone (EN) cannot be booked and is refused with the line named.
 */
public final class EdifactOrdersTranslator implements OrderMessageTranslator {

    private static final Set<String> BUYER = Set.of("BY");
    private static final Set<String> DELIVERY = Set.of("DP", "ST");
    private static final Set<String> ORDER_DATE = Set.of("137", "4");

    @Override
    public Order translate(String source, EdiMessage message) {
        String documentNumber = null;
        LocalDate orderDate = null;
        String currency = null;
        PartyDraft buyer = null;
        PartyDraft shipTo = null;
        PartyDraft currentParty = null;
        List<OrderLine> lines = new ArrayList<>();
        LineBuilder line = null;
        int position = 0;
        for (Segment segment : message.segments()) {
            position++;
            String where = segment.tag() + " (segment " + position + ")";
            switch (segment.tag()) {
                case "BGM" -> documentNumber = required(segment.component(2, 1), where, "document number (1004)");
                case "DTM" -> {
                    if (line == null && ORDER_DATE.contains(segment.component(1, 1))) {
                        orderDate = date(segment.component(1, 2), where);
                    }
                }
                case "NAD" -> {
                    currentParty = null;
                    if (line != null) {
                        break; // Line-level parties (SG41) do not change the order's parties.
                    }
                    String role = segment.element(1);
                    if (BUYER.contains(role)) {
                        buyer = currentParty = party(segment);
                    } else if (DELIVERY.contains(role) && shipTo == null) {
                        shipTo = currentParty = party(segment);
                    }
                }
                case "CTA" -> {
                    if (currentParty != null && currentParty.name == null) {
                        currentParty.name = blankToNull(segment.component(2, 2));
                    }
                }
                case "COM" -> {
                    if (currentParty != null) {
                        currentParty.contact(segment.component(1, 2), segment.component(1, 1));
                    }
                }
                case "CUX" -> {
                    if (line == null && currency == null) {
                        currency = blankToNull(segment.component(1, 2));
                    }
                }
                case "LIN" -> {
                    if (line != null) {
                        lines.add(line.build());
                    }
                    line = new LineBuilder(where, lines.size() + 1, segment);
                }
                case "PIA" -> {
                    if (line != null) {
                        line.additionalIds(segment);
                    }
                }
                case "IMD" -> {
                    if (line != null && line.description == null) {
                        line.description = blankToNull(segment.component(3, 4));
                    }
                }
                case "QTY" -> {
                    if (line != null && "21".equals(segment.component(1, 1))) {
                        line.quantity = decimal(segment.component(1, 2), where);
                    }
                }
                case "PRI" -> {
                    if (line != null && line.unitPrice == null) {
                        line.price(segment, where);
                    }
                }
                case "UNS" -> {
                    if (line != null) {
                        lines.add(line.build());
                        line = null;
                    }
                }
                default -> {
                    // Segments the canonical order has no place for (FTX, RFF, TAX, ...).
                }
            }
        }
        if (line != null) {
            lines.add(line.build());
        }
        if (documentNumber == null) {
            throw rejected("BGM", "the order has no document number");
        }
        if (orderDate == null) {
            throw rejected("DTM", "the order has no order date (DTM+137)");
        }
        if (buyer == null) {
            throw rejected("NAD", "the order names no buyer (NAD+BY)");
        }
        if (lines.isEmpty()) {
            throw rejected("LIN", "the order has no lines");
        }
        return new Order(source, documentNumber, orderDate, currency, buyer.build(), shipTo == null ? null : shipTo.build(), lines);
    }

    /** Name from C080 (party name), else the unstructured C058 lines, else the party id (a GLN is better than nothing). */
    private static PartyDraft party(Segment nad) {
        PartyDraft party = new PartyDraft(nad.component(4, 1) + (nad.component(4, 2).isEmpty() ? "" : " " + nad.component(4, 2)));
        if (party.name == null) {
            party.name = blankToNull(nad.component(3, 1));
        }
        if (party.name == null) {
            party.name = blankToNull(nad.component(2, 1));
        }
        party.identifier = PartyIdentifier.fromEdifact(nad.component(2, 3), nad.component(2, 1));
        party.street = blankToNull(nad.component(5, 1));
        party.city = blankToNull(nad.element(6));
        party.postalCode = blankToNull(nad.element(8));
        party.country = blankToNull(nad.element(9));
        return party;
    }

    private static final class LineBuilder {
        final String where;
        final int lineNumber;
        String sku;
        String description;
        BigDecimal quantity;
        BigDecimal unitPrice;
        boolean onlyGtin;

        LineBuilder(String where, int fallbackNumber, Segment lin) {
            this.where = where;
            int number;
            try {
                number = lin.has(1) ? Integer.parseInt(lin.element(1).trim()) : fallbackNumber;
            } catch (NumberFormatException e) {
                number = fallbackNumber;
            }
            this.lineNumber = number;
            String itemNumber = blankToNull(lin.component(3, 1));
            String type = lin.component(3, 2);
            if (itemNumber != null && (type.isEmpty() || "SA".equals(type))) {
                sku = itemNumber;
            } else {
                onlyGtin = itemNumber != null;
            }
        }

        void additionalIds(Segment pia) {
            for (int position = 2; position <= 6 && sku == null; position++) {
                if ("SA".equals(pia.component(position, 2))) {
                    sku = blankToNull(pia.component(position, 1));
                }
            }
        }

        void price(Segment pri, String at) {
            String price = pri.component(1, 2);
            if (price.isEmpty()) {
                return;
            }
            BigDecimal value = decimal(price, at);
            String basis = pri.component(1, 5);
            if (!basis.isEmpty()) {
                BigDecimal per = decimal(basis, at);
                if (per.signum() > 0) {
                    value = value.divide(per, 4, RoundingMode.HALF_UP).stripTrailingZeros();
                }
            }
            unitPrice = MessageReading.price(value);
        }

        OrderLine build() {
            if (sku == null) {
                throw rejected(where, onlyGtin
                        ? "line " + lineNumber + " identifies its item only by GTIN; send the supplier article number (PIA ...:SA)"
                        : "line " + lineNumber + " has no item number");
            }
            if (quantity == null) {
                throw rejected(where, "line " + lineNumber + " has no ordered quantity (QTY+21)");
            }
            if (unitPrice == null) {
                throw rejected(where, "line " + lineNumber + " has no price (PRI)");
            }
            return new OrderLine(lineNumber, sku, description, quantity, unitPrice);
        }
    }
}
