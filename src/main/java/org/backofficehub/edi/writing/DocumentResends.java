package org.backofficehub.edi.writing;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.backofficehub.edi.AckType;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.partners.ControlNumbers;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.model.OrderKey;

/**
 * Sends a partner a document it was sent before, as it was, under new control numbers (a new
 * interchange, and in X12 a new group): the partner's translator takes it as a new interchange,
 * not a duplicate, and its acknowledgement is matched to the new one. Recorded as sent, and for
 * tracking as a resend of the earlier one. The numbers are handed back if it cannot be written.
 */
public final class DocumentResends {

    /** What was written: the file and its new interchange control number. */
    public record Resent(Path file, String controlNumber) {
    }

    private static final Set<String> ACKNOWLEDGEMENTS = Set.of("CONTRL", "997", "999", "TA1");

    private final Outbox outbox;
    private final ControlNumbers numbers;
    private final InterchangeRegistry registry;

    public DocumentResends(Outbox outbox, ControlNumbers numbers, InterchangeRegistry registry) {
        this.outbox = outbox;
        this.numbers = numbers;
        this.registry = registry;
    }

    /**
     * @param documentType  ORDRSP, 855, DESADV, 856, CONTRL, 997 ... as it was recorded when sent
     * @param original      the bytes sent then
     * @param resendOf      the interchange control number it was sent under
     * @param orders        the orders it carries, for tracking
     * @param inReplyTo     the partner's interchange it answered (an acknowledgement, order responses), or null
     */
    public Resent resend(PartnerProfile partner, String documentType, byte[] original, String resendOf, List<OrderKey> orders,
                         String inReplyTo) {
        DocumentNumbers taken = new DocumentNumbers(numbers, partner.partnerId());
        try {
            long icn = taken.next(ControlNumbers.Kind.INTERCHANGE);
            boolean x12 = partner.standard() == EdiStandard.X12;
            String interchange = x12 ? OutboundEnvelope.x12InterchangeNumber(icn) : Long.toString(icn);
            // A TA1 stands alone in its interchange: no group to number.
            String group = x12 && !"TA1".equals(documentType) ? Long.toString(taken.next(ControlNumbers.Kind.GROUP)) : null;
            EnvelopeRenumbering.Renumbered renumbered = EnvelopeRenumbering.renumber(partner.standard(), original, interchange, group);
            Path file = outbox.writeBytes(partner, documentType, interchange, renumbered.content());
            taken.sent();
            boolean acknowledgement = ACKNOWLEDGEMENTS.contains(documentType);
            registry.sent(partner.partnerId(), partner.standard(), interchange, acknowledgement && !"997".equals(documentType)
                            && !"999".equals(documentType) ? null : group, documentType, renumbered.messages(),
                    !acknowledgement && partner.ack() != AckType.NONE, file.getFileName().toString());
            outbox.published(new SentDocument(partner.partnerId(), partner.standard(), documentType, interchange, file, orders, inReplyTo,
                    resendOf));
            return new Resent(file, interchange);
        } catch (RuntimeException e) {
            taken.handBack();
            throw e;
        }
    }
}
