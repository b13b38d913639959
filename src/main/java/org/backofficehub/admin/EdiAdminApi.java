package org.backofficehub.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.api.JsonReply;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.writing.OutboundDocuments;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.util.Texts;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;

/**
 * What an administrator does with EDI: look at the partner profiles in force and the interchanges
 * received and sent (each outbound one with the acknowledgement its partner returned), and send a
 * partner the invoice (accounting's, as a duplicate once sent) or despatch advice of an order.
 */
public final class EdiAdminApi {

    private static final int MAX_LISTED = 500;

    private final PartnerProfiles profiles;
    private final InterchangeRegistry registry;
    private final OutboundDocuments documents;
    private final ObjectMapper json;

    public EdiAdminApi(PartnerProfiles profiles, InterchangeRegistry registry, OutboundDocuments documents, ObjectMapper json) {
        this.profiles = profiles;
        this.registry = registry;
        this.documents = documents;
        this.json = json;
    }

    /** Sends a partner the invoice or despatch advice of one of its orders: POST .../{document} with invoice or despatch-advice. */
    public void sendDocument(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String document = message.getHeader("document", String.class);
        OutboundDocuments.Kind kind = switch (document == null ? "" : document) {
            case "invoice" -> OutboundDocuments.Kind.INVOICE;
            case "despatch-advice" -> OutboundDocuments.Kind.DESPATCH_ADVICE;
            default -> throw new InputRejectedException(ProblemType.NOT_FOUND, "Unknown document '" + document
                    + "'; use invoice or despatch-advice");
        };
        OutboundDocuments.Sent sent = documents.send(message.getHeader("partner", String.class),
                message.getHeader("documentNumber", String.class), kind);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("file", sent.file().getFileName().toString());
        reply.put("outbox", sent.file().getParent().getFileName().toString());
        if (sent.invoiceNumber() != null) {
            // An order has one invoice: asked for again, it is sent again as a duplicate under the same number.
            reply.put("invoiceNumber", sent.invoiceNumber());
            reply.put("duplicate", sent.duplicate());
        }
        JsonReply.write(message, 201, json.writeValueAsBytes(reply));
    }

    public void listPartners(Exchange exchange) throws IOException {
        List<Map<String, Object>> views = profiles.all().stream().map(EdiAdminApi::partnerView).toList();
        JsonReply.write(exchange.getMessage(), 200, json.writeValueAsBytes(views));
    }

    /** {@code ?direction=in|out&partner=ID}, newest first. */
    public void listInterchanges(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String direction = message.getHeader("direction", String.class);
        if (direction != null && !direction.equals("in") && !direction.equals("out")) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "direction must be in or out, not '" + Texts.clip(direction, 24) + "'");
        }
        List<Map<String, Object>> views = registry.list(direction,
                message.getHeader("partner", String.class), MAX_LISTED).stream().map(EdiAdminApi::interchangeView).toList();
        JsonReply.write(message, 200, json.writeValueAsBytes(views));
    }

    private static Map<String, Object> partnerView(PartnerProfile profile) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("partner", profile.partnerId());
        view.put("name", profile.name());
        view.put("standard", profile.standard());
        view.put("version", profile.version());
        view.put("interchangeId", profile.interchangeId() + (profile.interchangeQualifier().isEmpty() ? "" : ":" + profile.interchangeQualifier()));
        view.put("documentsIn", profile.documentsIn().stream().sorted().toList());
        view.put("documentsOut", profile.documentsOut().stream().sorted().toList());
        view.put("ack", profile.ack());
        view.put("outbox", profile.outbox());
        view.put("engine", profile.engine());
        if (profile.encoding() != null) {
            view.put("encoding", profile.encoding().name());
        }
        if (profile.remote() != null) {
            view.put("remote", profile.remote().describe());
        }
        return view;
    }

    private static Map<String, Object> interchangeView(InterchangeRegistry.Interchange interchange) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("direction", interchange.direction());
        view.put("partner", interchange.partnerId());
        view.put("controlNumber", interchange.controlNumber());
        view.put("groupNumber", interchange.groupNumber());
        view.put("standard", interchange.standard());
        view.put("documentType", interchange.documentType());
        view.put("messages", interchange.messages());
        view.put("state", interchange.state());
        if (interchange.detail() != null) {
            view.put("detail", interchange.detail());
        }
        view.put("ackStatus", interchange.ackStatus());
        view.put("ackDetail", interchange.ackDetail());
        view.put("file", interchange.fileName());
        view.put("createdAt", interchange.createdAt().toString());
        view.put("updatedAt", interchange.updatedAt().toString());
        return view;
    }
}
