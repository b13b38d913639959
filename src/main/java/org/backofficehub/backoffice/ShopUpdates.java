package org.backofficehub.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.backofficehub.model.Order;
import org.backofficehub.outbound.OutboundMessage;
import org.backofficehub.shop.ShopProfile;
import org.backofficehub.shop.ShopProfiles;
import org.backofficehub.shop.ShopStatusCalls;
import org.backofficehub.shop.StatusUpdate;

/**
 * The follow-up's step for web-store platforms: an order from a shop that was booked or shipped
 * owes the shop a status update through its platform's API (booked with the ERP's order number,
 * shipped with carrier and tracking), queued in the follow-up's transaction for route shop-updates
 * to deliver, retried until it is, never lost.
 */
public final class ShopUpdates {

    private final ShopProfiles shops;
    private final ObjectMapper json;

    public ShopUpdates(ShopProfiles shops, ObjectMapper json) {
        this.shops = shops;
        this.json = json;
    }

    /** @param routeId the route that calls the platforms */
    public void queue(FollowUpBatch batch, String routeId) {
        for (OrderEvents.Stored stored : batch.events()) {
            OrderEvent event = stored.event();
            Order order = event.order();
            ShopProfile shop = shops.bySource(order.source()).filter(ShopProfile::statusBack).orElse(null);
            if (shop == null) {
                continue;
            }
            StatusUpdate update = switch (event.kind()) {
                case OrderEvent.BOOKED -> StatusUpdate.booked(shop.key(), order.orderId(), event.erpOrderNumber());
                case OrderEvent.SHIPPED -> StatusUpdate.shipped(shop.key(), order.orderId(), event.erpOrderNumber(),
                        event.shipment().carrier(), event.shipment().trackingNumber(), event.shipment().shippedOn().toString());
                default -> null; // a refusal stays the hub's: the shop's order waits for an administrator, not for the shop
            };
            if (update != null) {
                batch.owe(OutboundMessage.of(routeId, update.event(), shop.key() + " " + update.event() + " " + order.orderId(),
                        payload(update)));
            }
        }
    }

    private byte[] payload(StatusUpdate update) {
        try {
            return ShopStatusCalls.payload(json, update);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
