package org.backofficehub.edi.intake;

import java.util.List;
import org.backofficehub.model.Order;

/**
 * Orders of one interchange, ready to be booked or staged: all of them once its trailer has been
 * checked, or a chunk of {@code hub.edi.hold-orders} of a larger one as it is read.
 */
public record InterchangeOrders(EdiFileReading.Interchange interchange, List<Order> orders) {

    /** The partner the orders come from, whose cross-reference names its items. */
    public String partnerId() {
        return interchange.partner.partnerId();
    }

    /** The interchange's control number (UNB 0020, ISA13): how partner and hub name it. */
    public String controlNumber() {
        return interchange.report.envelope().controlNumber();
    }

    /** Orders of a test interchange the partner's profile does not book: answered, not booked. */
    public boolean trial() {
        return interchange.trial();
    }
}
