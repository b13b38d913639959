package org.backofficehub.edi.reading;

import static org.backofficehub.edi.reading.MessageReading.blankToNull;
import static org.backofficehub.edi.reading.MessageReading.date;
import static org.backofficehub.edi.reading.MessageReading.decimal;
import static org.backofficehub.edi.reading.MessageReading.rejected;

import java.math.BigDecimal;
import java.util.Set;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.Segment;
import org.backofficehub.model.ItemIdentifier;
import org.backofficehub.model.Order;
import org.backofficehub.model.PartyIdentifier;
import org.backofficehub.model.UnitOfMeasure;

/**
 * X12 850 to the canonical order, reading what real partners send: the buyer from N1*BY (else as
 * the partner's profile says: bill-to N1*BT, the partner itself, ship-to), every item identifier of
 * PO1 with its qualifier, the unit of measure, the price if there is one (PO104, else a unit cost
 * CTP), contacts wherever they stand. What the order lacks is for its business checks, not a
 * translation error.
 */
public final class X12PurchaseOrderTranslator implements OrderMessageTranslator {

    private static final Set<String> SHIP_TO = Set.of("ST", "DA");
    private static final Set<String> BILL_TO = Set.of("BT");
    /** CTP02 price qualifiers that state what the buyer pays per unit (not a retail or list price). */
    private static final Set<String> UNIT_COST = Set.of("UCP", "CON", "NET");

    /** BEG01: 00 original (and 06 confirmation, 22 information copy: answered as originals); anything else is not a new order. */
    private static String purpose(String code) {
        return switch (code.trim()) {
            case "00", "06", "22", "" -> null;
            case "01" -> "a cancellation (BEG01 01)";
            case "05" -> "a replacement (BEG01 05)";
            case "07" -> "a duplicate (BEG01 07)";
            default -> "purpose BEG01 " + code.trim();
        };
    }

    /** The price per unit: PO105 HP is per hundred, TP per thousand, HT per hundred thousand; other bases are per unit. */
    private static BigDecimal perUnit(BigDecimal price, String basis) {
        return switch (basis.trim()) {
            case "HP" -> price.divide(BigDecimal.valueOf(100));
            case "TP" -> price.divide(BigDecimal.valueOf(1000));
            case "HT" -> price.divide(BigDecimal.valueOf(100_000));
            default -> price;
        };
    }

    /**
     * N103 93 and 94 say who assigned the code by the transaction set's direction: its originator,
     * in an 850 the buyer (as 92 says), or its receiver, the seller (as 91 says).
     */
    private static String assignedBy(String qualifier) {
        return switch (qualifier.trim()) {
            case "93" -> "92";
            case "94" -> "91";
            default -> qualifier;
        };
    }

    @Override
    public Order translate(OrderContext context, EdiMessage message) {
        OrderDraft order = new OrderDraft();
        PartyDraft current = null;
        boolean inParties = false; // a PER after an N1 the hub does not map (VN, SF) is that party's, not the buyer's
        int position = 0;
        for (Segment segment : message.segments()) {
            position++;
            String where = segment.tag() + " (segment " + position + ")";
            OrderDraft.Line line = order.line;
            switch (segment.tag()) {
                case "BEG" -> {
                    order.documentNumber = blankToNull(segment.element(3));
                    order.purpose = purpose(segment.element(1));
                    if (segment.has(5)) {
                        order.orderDate = date(segment.element(5), where);
                    }
                }
                case "CUR" -> {
                    if (line == null && order.currency == null) {
                        order.currency = blankToNull(segment.element(2));
                    }
                }
                case "N1" -> {
                    current = null;
                    inParties = true;
                    if (line != null) {
                        break; // a line's own parties (marking, store) do not change the order's
                    }
                    String role = segment.element(1);
                    PartyDraft party = new PartyDraft(segment.element(2));
                    party.identifier = PartyIdentifier.fromX12(assignedBy(segment.element(3)), segment.element(4));
                    if ("BY".equals(role) && order.buyer == null) {
                        order.buyer = current = party;
                    } else if (BILL_TO.contains(role) && order.billTo == null) {
                        order.billTo = current = party;
                    } else if (SHIP_TO.contains(role) && order.shipTo == null) {
                        order.shipTo = current = party;
                    }
                }
                case "N2" -> {
                    if (current != null) {
                        current.moreName(segment.element(1));
                        current.moreName(segment.element(2));
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
                        current.region = blankToNull(segment.element(2));
                        current.postalCode = blankToNull(segment.element(3));
                        current.country = blankToNull(segment.element(4));
                    }
                }
                case "PER" -> {
                    PartyDraft contactOf = current;
                    if (contactOf == null && line == null && !inParties) {
                        // A header contact (PER*BD, the buyer's department) before any N1.
                        contactOf = order.headerContact == null ? order.headerContact = new PartyDraft(null) : order.headerContact;
                    }
                    if (contactOf != null) {
                        for (int qualifier = 3; qualifier <= 7; qualifier += 2) {
                            contactOf.contact(segment.element(qualifier), segment.element(qualifier + 1));
                        }
                    }
                }
                case "PO1" -> {
                    current = null;
                    OrderDraft.Line started = order.startLine(segment.element(1));
                    if (segment.has(2)) {
                        started.quantity = decimal(segment.element(2), where);
                    }
                    started.unit = UnitOfMeasure.fromX12(segment.element(3));
                    if (segment.has(4)) {
                        started.unitPrice = MessageReading.price(perUnit(decimal(segment.element(4), where), segment.element(5)));
                    } else if ("NC".equals(segment.element(5))) {
                        started.unitPrice = MessageReading.price(BigDecimal.ZERO); // no charge
                    }
                    for (int qualifier = 6; qualifier <= 24; qualifier += 2) {
                        if (segment.has(qualifier) && segment.has(qualifier + 1)) {
                            started.id(ItemIdentifier.fromX12(segment.element(qualifier), segment.element(qualifier + 1)));
                        }
                    }
                }
                case "CTP" -> {
                    if (line != null && line.unitPrice == null && UNIT_COST.contains(segment.element(2)) && segment.has(3)) {
                        line.unitPrice = MessageReading.price(decimal(segment.element(3), where));
                    }
                }
                case "PID" -> {
                    if (line != null && "F".equals(segment.element(1))) {
                        // PID02 (750) none or 08 names the product; others describe one characteristic (91 size, 75 colour).
                        String characteristic = segment.element(2).trim();
                        line.describe(blankToNull(segment.element(5)), characteristic.isEmpty() || "08".equals(characteristic));
                    }
                }
                case "CTT" -> order.endLine();
                default -> {
                    // REF, DTM, TD5, SAC, N9/MSG, SCH, SLN, ...: no place in the canonical order yet.
                }
            }
        }
        if (order.documentNumber == null) {
            throw rejected("BEG", "the purchase order has no number (BEG03)");
        }
        return order.build(context);
    }
}
