package org.backofficehub.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.writing.DocumentResends;
import org.backofficehub.edi.writing.OutboundDocuments;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.OrderKey;
import org.backofficehub.model.ProblemType;

/**
 * Sends a tracked document again under a new control number. An invoice goes the way an
 * administrator's "send invoice" goes (accounting's invoice, marked as a duplicate under its
 * number: a partner must never book it twice); every other document (order responses, despatch
 * advices, acknowledgements) is sent as it was, from its stored payload, in a new interchange. The
 * new document is tracked as a resend of the earlier one.
 */
public final class DocumentResending {

    private final Timelines timelines;
    private final PayloadStore payloads;
    private final PartnerProfiles profiles;
    private final DocumentResends resends;
    private final OutboundDocuments documents;

    public DocumentResending(Timelines timelines, PayloadStore payloads, PartnerProfiles profiles, DocumentResends resends,
                             OutboundDocuments documents) {
        this.timelines = timelines;
        this.payloads = payloads;
        this.profiles = profiles;
        this.resends = resends;
        this.documents = documents;
    }

    public Map<String, Object> resend(long documentId) {
        Map<String, Object> document = timelines.document(documentId).orElseThrow(() -> new InputRejectedException(ProblemType.NOT_FOUND,
                "No tracked document " + documentId));
        if (!"out".equals(document.get("direction"))) {
            throw new InputRejectedException(ProblemType.NOTHING_TO_RESEND, "Document " + documentId + " was received, not sent:"
                    + " a received document is replayed from its failure, not resent");
        }
        String partnerId = (String) document.get("partner");
        PartnerProfile partner = profiles.byId(partnerId).orElseThrow(() -> new InputRejectedException(ProblemType.NOTHING_TO_RESEND,
                "Document " + documentId + " went to " + partnerId + ", which has no partner profile now"));
        String type = (String) document.get("documentType");
        String controlNumber = (String) document.get("controlNumber");
        List<OrderKey> orders = timelines.ordersOf(documentId);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("partner", partner.partnerId());
        reply.put("documentType", type);
        reply.put("resendOf", controlNumber);
        if ("INVOIC".equals(type) || "810".equals(type)) {
            if (orders.size() != 1) {
                throw new InputRejectedException(ProblemType.NOTHING_TO_RESEND, "Invoice document " + documentId + " names no single order");
            }
            OutboundDocuments.Sent sent = documents.send(partner.partnerId(), orders.get(0).orderId(), OutboundDocuments.Kind.INVOICE,
                    controlNumber);
            reply.put("controlNumber", controlNumberOf(sent.file()));
            reply.put("file", sent.file().getFileName().toString());
            reply.put("invoiceNumber", sent.invoiceNumber());
            reply.put("duplicate", sent.duplicate());
            return reply;
        }
        String hash = (String) document.get("payloadHash");
        Path stored = payloads.find(hash).orElseThrow(() -> new InputRejectedException(ProblemType.NOTHING_TO_RESEND,
                "Document " + documentId + "'s payload is no longer kept (hub.tracking.retention)"));
        byte[] original;
        try {
            original = Files.readAllBytes(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read payload " + hash, e);
        }
        DocumentResends.Resent resent = resends.resend(partner, type, original, controlNumber, orders, (String) document.get("inReplyTo"));
        reply.put("controlNumber", resent.controlNumber());
        reply.put("file", resent.file().getFileName().toString());
        return reply;
    }

    /** The outbox names each document {@code <type>-<partner>-<interchange control number>.edi}. */
    private static String controlNumberOf(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.edi$", "");
        return name.substring(name.lastIndexOf('-') + 1);
    }
}
