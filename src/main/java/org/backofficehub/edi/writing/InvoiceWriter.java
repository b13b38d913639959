package org.backofficehub.edi.writing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backofficehub.accounting.InvoiceRecord;
import org.backofficehub.accounting.TaxCategory;
import org.backofficehub.model.UnitOfMeasure;
import org.backofficehub.erp.ErpOrder;
import org.backofficehub.model.Address;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;
import org.backofficehub.edi.Composite;
import org.backofficehub.edi.partners.PartnerProfile;

/**
 * Invoices for booked orders: EDIFACT INVOIC (BGM 380) and X12 810. The invoice is accounting's
 * ({@link InvoiceRecord}): its number, date, tax and totals, the same the accounting system books;
 * the lines are the ERP's booking, whose amounts add up to its net total. A document sent again is a
 * duplicate of the first (BGM 1225 7, BIG08 07), never a second invoice.
 */
final class InvoiceWriter {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** The interchange's sender qualifier (UNB 0007) as a party id's code list agency (NAD 3055): GLN, DUNS, mutually defined. */
    private static final Map<String, String> EDIFACT_AGENCY = Map.of("14", "9", "1", "16", "ZZZ", "ZZZ", "ZZ", "ZZZ");
    /** The ISA sender qualifier as the N1's identification code qualifier (N103): DUNS, GLN, mutually defined. */
    private static final Map<String, String> X12_QUALIFIER = Map.of("01", "1", "14", "UL", "ZZ", "ZZ");
    /** EDIFACT FTX 4440 holds 70 characters, five times. */
    private static final int FREE_TEXT_PART = 70;

    private InvoiceWriter() {
    }

    static void writeInvoic(SegmentWriter out, PartnerProfile partner, ErpOrder erp, InvoiceRecord invoice, boolean original,
                            long messageNumber) {
        String reference = OutboundEnvelope.openMessage(out, partner, "INVOIC", messageNumber);
        out.segment("BGM", "380", invoice.invoiceNumber(), original ? "9" : "7");
        out.segment("DTM", Composite.of("137", CCYYMMDD.format(invoice.issuedOn()), "102"));
        String exemption = invoice.tax().category().exemptionReason();
        if (exemption != null) {
            out.segment("FTX", "TXD", "", "", Composite.of(parts(exemption)));
        }
        out.segment("RFF", Composite.of("ON", erp.order().orderId()));
        out.segment("RFF", Composite.of("VN", erp.erpOrderNumber()));
        nad(out, "BY", erp.order().buyer());
        vatRegistration(out, invoice.tax().buyerVatId());
        if (invoice.tax().sellerVatId() != null) {
            String agency = EDIFACT_AGENCY.get(partner.ourQualifier());
            out.segment("NAD", "SU", Composite.of(partner.ourId(), "", agency));
            vatRegistration(out, invoice.tax().sellerVatId());
        }
        out.segment("TAX", "7", "VAT", "", "", Composite.of("", "", "", percent(invoice)), invoice.tax().category().code());
        out.segment("CUX", Composite.of("2", invoice.currency(), "4"));
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
        // 79 the lines' total, 125 what is taxed, 124 the tax, 77 and 86 the invoice's total with its tax.
        out.segment("MOA", Composite.of("79", invoice.netTotal().toPlainString()));
        out.segment("MOA", Composite.of("125", invoice.netTotal().toPlainString()));
        out.segment("MOA", Composite.of("124", invoice.taxTotal().toPlainString()));
        out.segment("MOA", Composite.of("77", invoice.grossTotal().toPlainString()));
        out.segment("MOA", Composite.of("86", invoice.grossTotal().toPlainString()));
        // The tax breakdown (SG49/SG50): one rate per invoice, so one TAX with its taxable amount and tax.
        out.segment("TAX", "7", "VAT", "", "", Composite.of("", "", "", percent(invoice)), invoice.tax().category().code());
        out.segment("MOA", Composite.of("124", invoice.taxTotal().toPlainString()));
        out.segment("MOA", Composite.of("125", invoice.netTotal().toPlainString()));
        out.segment("UNT", Integer.toString(out.messageSegmentsWithTrailer()), reference);
    }

    static void write810(SegmentWriter out, PartnerProfile partner, ErpOrder erp, InvoiceRecord invoice, boolean original, long setNumber) {
        String control = String.format("%04d", setNumber % 1_000_000_000L);
        out.segment("ST", "810", control);
        // BIG08 07: a duplicate of the invoice sent before (transaction set purpose, 353).
        out.segment("BIG", CCYYMMDD.format(invoice.issuedOn()), invoice.invoiceNumber(), CCYYMMDD.format(erp.order().orderDate()),
                erp.order().orderId(), "", "", "", original ? "" : "07");
        out.segment("CUR", "SE", invoice.currency());
        Party buyer = erp.order().buyer();
        out.segment("N1", "BY", buyer.name());
        x12Address(out, buyer.address());
        if (invoice.tax().buyerVatId() != null) {
            out.segment("REF", "VX", invoice.tax().buyerVatId());
        }
        if (invoice.tax().sellerVatId() != null) {
            out.segment("N1", "SE", "", X12_QUALIFIER.getOrDefault(partner.ourQualifier(), "ZZ"), partner.ourId());
            out.segment("REF", "VX", invoice.tax().sellerVatId());
        }
        for (OrderLine line : erp.order().lines()) {
            out.segment("IT1", Integer.toString(line.lineNumber()), line.quantity().toPlainString(), UnitOfMeasure.toX12(line.unit()),
                    line.unitPrice().toPlainString(), "", "VP", line.sku());
            if (line.description() != null) {
                out.segment("PID", "F", "", "", "", line.description());
            }
        }
        // TDS01 is the invoice's total with its tax, in cents without a decimal point (implied two decimals).
        out.segment("TDS", cents(invoice.grossTotal()));
        // TXI: value added tax, its amount and percent; TXI06 1 = exempt (an intra-community supply or an export).
        boolean exempt = invoice.tax().category() != TaxCategory.STANDARD;
        out.segment("TXI", "VA", invoice.taxTotal().toPlainString(), percent(invoice), "", "", exempt ? "1" : "2");
        out.segment("CTT", Integer.toString(erp.order().lines().size()));
        out.segment("SE", Integer.toString(out.messageSegmentsWithTrailer()), control);
    }

    private static String percent(InvoiceRecord invoice) {
        return invoice.tax().percent().toPlainString();
    }

    private static String cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    /** RFF+VA: a VAT registration number, in the SG3 of the NAD before it. */
    private static void vatRegistration(SegmentWriter out, String vatId) {
        if (vatId != null) {
            out.segment("RFF", Composite.of("VA", vatId));
        }
    }

    /** The text in parts of at most 70 characters, cut between words (a reader joins parts shorter than 70 with a space). */
    private static String[] parts(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text.trim();
        while (!rest.isEmpty() && parts.size() < 5) {
            int cut = rest.length() <= FREE_TEXT_PART ? rest.length() : rest.lastIndexOf(' ', FREE_TEXT_PART);
            cut = cut <= 0 ? Math.min(FREE_TEXT_PART, rest.length()) : cut;
            parts.add(rest.substring(0, cut).trim());
            rest = rest.substring(cut).trim();
        }
        return parts.toArray(String[]::new);
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
