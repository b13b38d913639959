package org.backofficehub.edi.writing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.backofficehub.accounting.InvoiceRecord;
import org.backofficehub.accounting.InvoiceRecords;
import org.backofficehub.erp.ErpOrder;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.partners.ControlNumbers;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;

/**
 * Sends a partner the invoice or despatch advice of an order it placed: INVOIC/810 and DESADV/856,
 * in the partner's standard, to its outbox. A despatch advice is generated from the ERP's booking;
 * an invoice is accounting's, the one invoice of the order ({@link InvoiceRecords}: its number, tax
 * and totals) with the ERP's lines, so the partner is never sent a number or a total accounting
 * does not have. Asked for again, it is sent again as a duplicate of the first, under its number.
 */
public final class OutboundDocuments {

    public enum Kind { INVOICE, DESPATCH_ADVICE }

    /** What was written: the file, and for an invoice its number and whether it repeats one sent before. */
    public record Sent(Path file, String invoiceNumber, boolean duplicate) {
    }

    private final PartnerProfiles profiles;
    private final ErpOrderReader erp;
    private final InvoiceRecords invoices;
    private final Outbox outbox;
    private final ControlNumbers numbers;
    private final InterchangeRegistry registry;
    private final Clock clock;

    public OutboundDocuments(PartnerProfiles profiles, ErpOrderReader erp, InvoiceRecords invoices, Outbox outbox, ControlNumbers numbers,
                             InterchangeRegistry registry, Clock clock) {
        this.profiles = profiles;
        this.erp = erp;
        this.invoices = invoices;
        this.outbox = outbox;
        this.numbers = numbers;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Writes the document; refused when partner or order is unknown (404), the document not agreed
     * (400), or the order not invoiced yet (409: its invoice follows by itself once accounting issues it).
     */
    public Sent send(String partnerId, String documentNumber, Kind kind) {
        return send(partnerId, documentNumber, kind, null);
    }

    /** As {@link #send(String, String, Kind)}, sending again the document sent under {@code resendOf} (tracking links the two). */
    public Sent send(String partnerId, String documentNumber, Kind kind, String resendOf) {
        PartnerProfile partner = profiles.byId(partnerId).orElseThrow(() -> new InputRejectedException(ProblemType.NOT_FOUND,
                "No partner profile '" + partnerId + "'"));
        List<ErpOrder> found = erp.find(partner.partnerId(), documentNumber, 1);
        if (found.isEmpty()) {
            throw new InputRejectedException(ProblemType.ORDER_NOT_FOUND, "No order " + documentNumber + " from " + partner.partnerId() + " in the ERP");
        }
        ErpOrder order = found.get(0);
        boolean edifact = partner.standard() == EdiStandard.EDIFACT;
        String documentType = switch (kind) {
            case INVOICE -> edifact ? "INVOIC" : "810";
            case DESPATCH_ADVICE -> edifact ? "DESADV" : "856";
        };
        if (!partner.documentsOut().contains(documentType)) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, partner.partnerId() + "'s profile does not list " + documentType
                    + " in documents.out");
        }
        if (kind == Kind.DESPATCH_ADVICE) {
            return new Sent(write(partner, documentType, order, resendOf, (out, number, now) -> {
                if (edifact) {
                    DespatchAdviceWriter.writeDesadv(out, partner, order, number, now);
                } else {
                    DespatchAdviceWriter.write856(out, order, number, now);
                }
            }), null, false);
        }
        InvoiceRecord invoice = invoices.of(order.order().key()).orElseThrow(() -> new InputRejectedException(ProblemType.NOT_INVOICED,
                "Order " + documentNumber + " of " + partner.partnerId() + " has no invoice yet: accounting issues it once the booking is"
                        + " followed up, and the partner's " + documentType + " follows by itself"));
        return invoices.sendToPartner(invoice.invoiceNumber(), original -> new Sent(write(partner, documentType, order, resendOf, (out, number, now) -> {
            if (edifact) {
                InvoiceWriter.writeInvoic(out, partner, order, invoice, original, number);
            } else {
                InvoiceWriter.write810(out, partner, order, invoice, original, number);
            }
        }), invoice.invoiceNumber(), !original));
    }

    private Path write(PartnerProfile partner, String documentType, ErpOrder order, String resendOf, OutboundInterchange.Messages message) {
        try (OutboundInterchange interchange = new OutboundInterchange(outbox, partner, numbers, registry, clock, documentType,
                documentType.equals("INVOIC") || documentType.equals("810") ? "IN" : "SH")) {
            interchange.carrying(List.of(order.order().key()));
            interchange.resendOf(resendOf);
            interchange.write(1, message);
            return interchange.finish();
        }
    }
}
