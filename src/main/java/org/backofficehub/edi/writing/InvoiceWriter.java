package org.backofficehub.edi.writing;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.backofficehub.model.UnitOfMeasure;
import org.backofficehub.erp.ErpOrder;
import org.backofficehub.model.Address;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;
import org.backofficehub.edi.Composite;
import org.backofficehub.edi.partners.PartnerProfile;

/**
 * Invoices for booked orders: EDIFACT INVOIC (BGM 380) and X12 810. The invoice number is the
 * ERP order number prefixed INV-; amounts are net: tax belongs to the accounting system.
 */
final class InvoiceWriter {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    private InvoiceWriter() {
    }

    static String invoiceNumber(ErpOrder order) {
        return "INV-" + order.erpOrderNumber();
    }

    static void writeInvoic(SegmentWriter out, PartnerProfile partner, ErpOrder erp, long messageNumber, ZonedDateTime now) {
        String reference = OutboundEnvelope.openMessage(out, partner, "INVOIC", messageNumber);
        out.segment("BGM", "380", invoiceNumber(erp), "9");
        out.segment("DTM", Composite.of("137", CCYYMMDD.format(now), "102"));
        out.segment("RFF", Composite.of("ON", erp.order().orderId()));
        out.segment("RFF", Composite.of("VN", erp.erpOrderNumber()));
        nad(out, "BY", erp.order().buyer());
        if (erp.order().currency() != null) {
            out.segment("CUX", Composite.of("2", erp.order().currency(), "4"));
        }
        for (OrderLine line : erp.order().lines()) {
            out.segment("LIN", Integer.toString(line.lineNumber()), "", Composite.of(line.sku(), "SA"));
            if (line.description() != null) {
                out.segment("IMD", "F", "", Composite.of("", "", "", line.description()));
            }
            out.segment("QTY", quantity("47", line));
            out.segment("MOA", Composite.of("203", line.amount().toPlainString()));
            out.segment("PRI", Composite.of("AAA", line.unitPrice().toPlainString()));
        }
        out.segment("UNS", "S");
        out.segment("CNT", Composite.of("2", Integer.toString(erp.order().lines().size())));
        out.segment("MOA", Composite.of("79", erp.netTotal().toPlainString()));
        out.segment("MOA", Composite.of("86", erp.netTotal().toPlainString()));
        out.segment("UNT", Integer.toString(out.messageSegmentsWithTrailer()), reference);
    }

    static void write810(SegmentWriter out, ErpOrder erp, long setNumber, ZonedDateTime now) {
        String control = String.format("%04d", setNumber % 1_000_000_000L);
        out.segment("ST", "810", control);
        out.segment("BIG", CCYYMMDD.format(now), invoiceNumber(erp), CCYYMMDD.format(erp.order().orderDate()), erp.order().orderId());
        if (erp.order().currency() != null) {
            out.segment("CUR", "SE", erp.order().currency());
        }
        Party buyer = erp.order().buyer();
        out.segment("N1", "BY", buyer.name());
        x12Address(out, buyer.address());
        for (OrderLine line : erp.order().lines()) {
            out.segment("IT1", Integer.toString(line.lineNumber()), line.quantity().toPlainString(), UnitOfMeasure.toX12(line.unit()),
                    line.unitPrice().toPlainString(), "", "VP", line.sku());
            if (line.description() != null) {
                out.segment("PID", "F", "", "", "", line.description());
            }
        }
        // TDS01 is the total in cents, without a decimal point (implied two decimals).
        out.segment("TDS", erp.netTotal().movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString());
        out.segment("CTT", Integer.toString(erp.order().lines().size()));
        out.segment("SE", Integer.toString(out.messageSegmentsWithTrailer()), control);
    }

    /** QTY with the unit the line was ordered in (DE 6411), none for the item's own unit. */
    static Composite quantity(String qualifier, OrderLine line) {
        return line.unit() == null ? Composite.of(qualifier, line.quantity().toPlainString())
                : Composite.of(qualifier, line.quantity().toPlainString(), line.unit());
    }

    static void nad(SegmentWriter out, String role, Party party) {
        if (party == null) {
            return;
        }
        Address address = party.address();
        out.segment("NAD", role, "", "", Composite.of(party.name()),
                address == null ? "" : Composite.of(address.street()), address == null ? "" : address.city(), "",
                address == null ? "" : address.postalCode(), address == null ? "" : address.country());
    }

    static void x12Address(SegmentWriter out, Address address) {
        if (address == null) {
            return;
        }
        if (address.street() != null) {
            out.segment("N3", address.street());
        }
        out.segment("N4", address.city(), "", address.postalCode(), address.country());
    }

}
