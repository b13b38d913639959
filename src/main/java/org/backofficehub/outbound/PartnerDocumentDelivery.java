package org.backofficehub.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.backofficehub.edi.writing.OutboundDocuments;

/** Writes a partner's INVOIC/810 or DESADV/856 for an order to its outbox, generated from the ERP's booking. */
public final class PartnerDocumentDelivery implements Delivery {

    public static final String INVOICE = "partner-invoice";
    public static final String DESPATCH_ADVICE = "despatch-advice";

    private final OutboundDocuments documents;
    private final ObjectMapper json;

    public PartnerDocumentDelivery(OutboundDocuments documents, ObjectMapper json) {
        this.documents = documents;
        this.json = json;
    }

    /** The payload of a partner document message. */
    public static byte[] request(ObjectMapper json, String partnerId, String documentNumber) {
        try {
            return json.writeValueAsBytes(java.util.Map.of("partner", partnerId, "documentNumber", documentNumber));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void deliver(List<OutboundMessage> messages) throws Exception {
        for (OutboundMessage message : messages) {
            JsonNode request = json.readTree(message.payload());
            documents.send(request.path("partner").asText(), request.path("documentNumber").asText(),
                    DESPATCH_ADVICE.equals(message.kind()) ? OutboundDocuments.Kind.DESPATCH_ADVICE : OutboundDocuments.Kind.INVOICE);
        }
    }
}
