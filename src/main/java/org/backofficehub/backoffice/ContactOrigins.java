package org.backofficehub.backoffice;

import java.util.function.Function;
import org.backofficehub.customer.Origin;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.model.Order;
import org.backofficehub.shop.ShopProfiles;

/**
 * The kind of system an order's parties come from, by the order's source: the web store (the hub's
 * own, or a shop on a web-store platform), a trading partner with a profile (EDI), or any other
 * sender of order documents.
 */
public final class ContactOrigins implements Function<String, Origin> {

    private final PartnerProfiles partners;
    private final ShopProfiles shops;

    public ContactOrigins(PartnerProfiles partners, ShopProfiles shops) {
        this.partners = partners;
        this.shops = shops;
    }

    @Override
    public Origin apply(String source) {
        if (Order.WEBSTORE.equals(source) || shops.bySource(source).isPresent()) {
            return Origin.WEBSTORE;
        }
        return partners.byId(source).isPresent() ? Origin.EDI : Origin.DOCUMENT;
    }
}
