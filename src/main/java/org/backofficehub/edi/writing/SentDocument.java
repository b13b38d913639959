package org.backofficehub.edi.writing;

import java.nio.file.Path;
import java.util.List;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.model.OrderKey;

/**
 * A document the hub has just published to a partner's outbox, as tracking records it: its
 * interchange control number, the orders it carries (none for an acknowledgement), the inbound
 * interchange it answers (acknowledgements, order responses; else null), and the document it sends
 * again (else null).
 */
public record SentDocument(String partnerId, EdiStandard standard, String documentType, String controlNumber, Path file,
                           List<OrderKey> orders, String inReplyTo, String resendOf) {

    public SentDocument {
        orders = List.copyOf(orders);
    }
}
