package org.backofficehub.edi.reading;

import static org.backofficehub.edi.reading.MessageReading.blankToNull;
import static org.backofficehub.edi.reading.MessageReading.continued;
import static org.backofficehub.edi.reading.MessageReading.date;
import static org.backofficehub.edi.reading.MessageReading.decimal;
import static org.backofficehub.edi.reading.MessageReading.rejected;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.Segment;
import org.backofficehub.model.ItemIdentifier;
import org.backofficehub.model.Order;
import org.backofficehub.model.PartyIdentifier;
import org.backofficehub.model.UnitOfMeasure;

/**
 * UN/EDIFACT ORDERS (D93A to D03B, EANCOM) to the canonical order, reading what real partners send:
 * the buyer from NAD+BY (else as the partner's profile says: invoicee NAD+IV, the partner itself,
 * the delivery party), every item number of LIN and PIA with its type (EANCOM names items by GTIN,
 * {@code :SRV} or {@code :EN}), the ordered quantity with its unit, the net price if there is one
 * (else the gross price; none at all when the supplier's list applies). What the order lacks is
 * for its business checks, not a translation error.
 */
public final class EdifactOrdersTranslator implements OrderMessageTranslator {

    private static final Set<String> DELIVERY = Set.of("DP", "ST");
    private static final Set<String> INVOICEE = Set.of("IV", "BT");
    private static final Set<String> ORDER_DATE = Set.of("137", "4");
    /** DTM formats (DE 2379) that start with a date: CCYYMMDD, YYMMDD, CCYYMMDDHHMM, a CCYYMMDD period; none means 102. */
    private static final Set<String> DATE_FORMATS = Set.of("", "102", "101", "203", "204", "718");
    /**
     * Gross price qualifiers (DE 5125): taken only when no net price (AAA) is given and the line has
     * no allowance or charge (ALC) to apply to it, and never at zero (a calculation base of nothing
     * says nothing of what the buyer pays: Evergreen's libraries send PRI+AAB:0 for "no estimate");
     * a consumer (AAE) or information (INF) price is not what the buyer pays either, so such lines
     * get the list price.
     */
    private static final Set<String> GROSS = Set.of("AAB", "AAF", "CAL");

    @Override
    public Order translate(OrderContext context, EdiMessage message) {
        OrderDraft order = new OrderDraft();
        PartyDraft currentParty = null;
        boolean netPrice = false;
        java.util.Set<OrderDraft.Line> grossWithAllowances = new java.util.HashSet<>();
        int position = 0;
        for (Segment segment : message.segments()) {
            position++;
            String where = segment.tag() + " (segment " + position + ")";
            OrderDraft.Line line = order.line;
            switch (segment.tag()) {
                case "BGM" -> {
                    order.documentNumber = blankToNull(segment.component(2, 1));
                    order.purpose = purpose(segment.element(3));
                }
                case "DTM" -> {
                    if (line == null && order.orderDate == null && ORDER_DATE.contains(segment.component(1, 1))
                            && DATE_FORMATS.contains(segment.component(1, 3))) {
                        order.orderDate = date(segment.component(1, 2), where);
                    }
                }
                case "NAD" -> {
                    currentParty = null;
                    if (line != null) {
                        break; // Line-level parties (SG41) do not change the order's parties.
                    }
                    String role = segment.element(1);
                    if ("BY".equals(role) && order.buyer == null) {
                        order.buyer = currentParty = party(segment);
                    } else if (INVOICEE.contains(role) && order.billTo == null) {
                        order.billTo = currentParty = party(segment);
                    } else if (DELIVERY.contains(role) && order.shipTo == null) {
                        order.shipTo = currentParty = party(segment);
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
                    if (line == null && order.currency == null) {
                        order.currency = blankToNull(segment.component(1, 2));
                    }
                }
                case "LIN" -> {
                    currentParty = null;
                    netPrice = false;
                    OrderDraft.Line started = order.startLine(segment.element(1));
                    if (!segment.component(3, 1).isBlank()) {
                        started.id(ItemIdentifier.fromEdifact(segment.component(3, 2), segment.component(3, 1)));
                    }
                }
                case "PIA" -> {
                    if (line != null) {
                        for (int composite = 2; composite <= 6; composite++) {
                            if (!segment.component(composite, 1).isBlank()) {
                                line.id(ItemIdentifier.fromEdifact(segment.component(composite, 2), segment.component(composite, 1)));
                            }
                        }
                    }
                }
                case "IMD" -> {
                    if (line != null) {
                        line.describe(continued(segment.component(3, 4), segment.component(3, 5)), namesTheItem(segment.component(2, 1)));
                    }
                }
                case "QTY" -> {
                    // 21 is the ordered quantity; some partners send it as 1, a discrete quantity
                    // (Smooks' and book-trade samples), which stands for it only where no 21 is given.
                    String qualifier = segment.component(1, 1);
                    if (line != null && ("21".equals(qualifier) || "1".equals(qualifier) && !line.orderedQuantityGiven)) {
                        line.quantity = decimal(segment.component(1, 2), where);
                        line.unit = UnitOfMeasure.fromEdifact(segment.component(1, 3));
                        line.orderedQuantityGiven = "21".equals(qualifier);
                    }
                }
                case "PRI" -> {
                    if (line != null && !netPrice) {
                        String qualifier = segment.component(1, 1);
                        boolean net = "AAA".equals(qualifier) || qualifier.isEmpty();
                        if (net || line.unitPrice == null && GROSS.contains(qualifier)) {
                            BigDecimal price = price(segment, where);
                            if (price != null && (net || price.signum() != 0)) {
                                line.unitPrice = price;
                                line.netPriceGiven = net;
                                netPrice = net;
                            }
                        }
                    }
                }
                case "ALC" -> {
                    if (line != null && !netPrice) {
                        grossWithAllowances.add(line);
                    }
                }
                case "UNS" -> order.endLine();
                default -> {
                    // FTX, RFF, TAX, ALC, PAC, ...: no place in the canonical order yet.
                }
            }
        }
        if (order.documentNumber == null) {
            throw rejected("BGM", "the order has no document number (BGM 1004)");
        }
        order.endLine();
        for (OrderDraft.Line withAllowances : grossWithAllowances) {
            if (!withAllowances.netPriceGiven) {
                withAllowances.unitPrice = null; // a gross price less allowances the hub does not apply: the list price instead
            }
        }
        return order.build(context);
    }

    /** BGM 1225: 9 original (and 29 accepted, 31 copy, 42 confirmation: answered as originals); anything else is not a new order. */
    private static String purpose(String code) {
        return switch (code.trim()) {
            case "9", "29", "31", "42", "43", "" -> null;
            case "1" -> "a cancellation (BGM 1225 1)";
            case "5" -> "a replacement (BGM 1225 5)";
            case "7" -> "a duplicate (BGM 1225 7)";
            default -> "message function BGM 1225 " + code.trim();
        };
    }

    /**
     * IMD's item characteristic (7081): none, or a book's title (BTI, the book trade's code), names
     * the item; any other describes one characteristic of it (BAU author, BPU publisher, 35 colour,
     * 98 size), which is no description of the item when the line has one that names it.
     */
    private static boolean namesTheItem(String characteristic) {
        return characteristic.isBlank() || "BTI".equals(characteristic.trim());
    }

    /**
     * Name from C080 (party name, its five parts joined), else the unstructured C058 lines, else the
     * party id (a GLN is better than nothing); the street from C059's lines, joined as X12's N301/N302 are.
     */
    private static PartyDraft party(Segment nad) {
        PartyDraft party = new PartyDraft(continued(nad.component(4, 1), nad.component(4, 2), nad.component(4, 3),
                nad.component(4, 4), nad.component(4, 5)));
        if (party.name == null) {
            party.name = blankToNull(nad.component(3, 1));
        }
        if (party.name == null) {
            party.name = blankToNull(nad.component(2, 1));
        }
        party.identifier = PartyIdentifier.fromEdifact(nad.component(2, 3), nad.component(2, 1));
        party.street = blankToNull(String.join(", ", java.util.stream.Stream.of(nad.component(5, 1), nad.component(5, 2),
                nad.component(5, 3), nad.component(5, 4)).filter(part -> !part.isBlank()).map(String::trim).toList()));
        party.city = blankToNull(nad.element(6));
        party.region = blankToNull(nad.component(7, 1));
        party.postalCode = blankToNull(nad.element(8));
        party.country = blankToNull(nad.element(9));
        return party;
    }

    /** The price per unit, divided by its unit price basis (5284) where one is given; null if PRI carries no amount. */
    private static BigDecimal price(Segment pri, String at) {
        String price = pri.component(1, 2);
        if (price.isEmpty()) {
            return null;
        }
        BigDecimal value = decimal(price, at);
        String basis = pri.component(1, 5);
        if (!basis.isEmpty()) {
            BigDecimal per = decimal(basis, at);
            if (per.signum() > 0) {
                value = value.divide(per, 4, RoundingMode.HALF_UP).stripTrailingZeros();
            }
        }
        return MessageReading.price(value);
    }
}
