package org.backofficehub.backoffice;

import java.util.function.Function;
import org.backofficehub.customer.Origin;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.model.Order;

/**
 * The kind of system an order's parties come from, by the order's source: the web store, a
 * trading partner with a profile (EDI), or any other sender of order documents.
 */
public final class ContactOrigins implements Function<String, Origin> {

    private final PartnerProfiles partners;

    public ContactOrigins(PartnerProfiles partners) {
        this.partners = partners;
    }

    @Override
    public Origin apply(String source) {
        if (Order.WEBSTORE.equals(source)) {
            return Origin.WEBSTORE;
        }
        return partners.byId(source).isPresent() ? Origin.EDI : Origin.DOCUMENT;
    }
}
