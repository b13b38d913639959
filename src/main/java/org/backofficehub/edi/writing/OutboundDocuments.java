package org.backofficehub.edi.writing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
 * Sends a partner the invoice or despatch advice of an order it placed, generated from the
 * ERP's booking: INVOIC/810 and DESADV/856, in the partner's standard, to its outbox.
 */
public final class OutboundDocuments {

    public enum Kind { INVOICE, DESPATCH_ADVICE }

    private final PartnerProfiles profiles;
    private final ErpOrderReader erp;
    private final Outbox outbox;
    private final ControlNumbers numbers;
    private final InterchangeRegistry registry;
    private final Clock clock;

    public OutboundDocuments(PartnerProfiles profiles, ErpOrderReader erp, Outbox outbox, ControlNumbers numbers,
                             InterchangeRegistry registry, Clock clock) {
        this.profiles = profiles;
        this.erp = erp;
        this.outbox = outbox;
        this.numbers = numbers;
        this.registry = registry;
        this.clock = clock;
    }

    /** Writes the document; refused (404, 409) when partner or order is unknown or the document not agreed. */
    public Path send(String partnerId, String documentNumber, Kind kind) {
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
        try (OutboundInterchange interchange = new OutboundInterchange(outbox, partner, numbers, registry, clock, documentType,
                kind == Kind.INVOICE ? "IN" : "SH")) {
            interchange.write(1, (out, number, now) -> {
                switch (documentType) {
                    case "INVOIC" -> InvoiceWriter.writeInvoic(out, partner, order, number, now);
                    case "810" -> InvoiceWriter.write810(out, order, number, now);
                    case "DESADV" -> DespatchAdviceWriter.writeDesadv(out, partner, order, number, now);
                    default -> DespatchAdviceWriter.write856(out, order, number, now);
                }
            });
            return interchange.finish();
        }
    }
}
