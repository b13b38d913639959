package org.backofficehub.backoffice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.backofficehub.accounting.Invoice;
import org.backofficehub.accounting.Invoicing.Issued;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.writing.OutboundDocuments;
import org.backofficehub.outbound.OutboundMessage;

/**
 * Partners' invoices and despatch advices: the follow-up's step queues one when a partner's order
 * is invoiced or shipped and its profile lists INVOIC/810 or DESADV/856 in {@code documents.out};
 * delivering it writes the document, generated from the ERP's booking, to the partner's outbox.
 */
public final class PartnerDocuments {

    public static final String INVOICE = "partner-invoice";
    public static final String DESPATCH_ADVICE = "despatch-advice";

    private final PartnerProfiles partners;
    private final OutboundDocuments documents;
    private final ObjectMapper json;

    public PartnerDocuments(PartnerProfiles partners, OutboundDocuments documents, ObjectMapper json) {
        this.partners = partners;
        this.documents = documents;
        this.json = json;
    }

    /** @param routeId the route that writes them to the partners' outboxes */
    public void queue(FollowUpBatch batch, String routeId) {
        for (OrderEvents.Stored stored : batch.events()) {
            OrderEvent event = stored.event();
            if (OrderEvent.SHIPPED.equals(event.kind())) {
                partnerAsking(event.order().source(), "DESADV", "856").ifPresent(partner -> batch.owe(OutboundMessage.of(routeId,
                        DESPATCH_ADVICE, "DESADV " + event.order().orderId(), request(partner.partnerId(), event.order().orderId()))));
            }
        }
        for (Issued issued : batch.invoices()) {
            Invoice invoice = issued.invoice();
            partnerAsking(invoice.order().source(), "INVOIC", "810").ifPresent(partner -> batch.owe(OutboundMessage.of(routeId,
                    INVOICE, "INVOIC " + invoice.order().orderId(), request(partner.partnerId(), invoice.order().orderId()))));
        }
    }

    /** Writes the requested document to the partner's outbox. */
    public void write(OutboundMessage message) throws IOException {
        JsonNode request = json.readTree(message.payload());
        documents.send(request.path("partner").asText(), request.path("documentNumber").asText(),
                DESPATCH_ADVICE.equals(message.kind()) ? OutboundDocuments.Kind.DESPATCH_ADVICE : OutboundDocuments.Kind.INVOICE);
    }

    /** The partner that placed the order, if its profile asks for this document (EDIFACT or X12 name). */
    private Optional<PartnerProfile> partnerAsking(String source, String edifact, String x12) {
        return partners.byId(source).filter(PartnerProfile::configured)
                .filter(p -> p.documentsOut().contains(p.standard() == EdiStandard.EDIFACT ? edifact : x12));
    }

    private byte[] request(String partnerId, String documentNumber) {
        try {
            return json.writeValueAsBytes(Map.of("partner", partnerId, "documentNumber", documentNumber));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
