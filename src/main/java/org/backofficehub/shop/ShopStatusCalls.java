package org.backofficehub.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.backofficehub.outbound.OutboundMessage;

/**
 * Delivers what the shops are owed (route shop-updates): each message one status update, made
 * through the order's platform's API. A failed call fails the delivery, which the delivery template
 * retries and, in the end, records as a failure to replay.
 */
public final class ShopStatusCalls {

    private final ShopProfiles shops;
    private final Map<Platform, PlatformStatus> platforms;
    private final ObjectMapper json;

    public ShopStatusCalls(ShopProfiles shops, Map<Platform, PlatformStatus> platforms, ObjectMapper json) {
        this.shops = shops;
        this.platforms = Map.copyOf(platforms);
        this.json = json;
    }

    public void deliver(List<OutboundMessage> messages) throws IOException {
        for (OutboundMessage message : messages) {
            StatusUpdate update = json.readValue(message.payload(), StatusUpdate.class);
            ShopProfile shop = shops.byKey(update.shop()).filter(ShopProfile::statusBack).orElse(null);
            if (shop == null) {
                continue; // the shop was switched off, or told nothing more, since the update was queued
            }
            PlatformStatus platform = platforms.get(shop.platform());
            if (StatusUpdate.SHIPPED.equals(update.event())) {
                platform.shipped(shop, update);
            } else {
                platform.booked(shop, update);
            }
        }
    }

    /** The payload of an outbound message carrying this update. */
    public static byte[] payload(ObjectMapper json, StatusUpdate update) throws IOException {
        return json.writeValueAsBytes(update);
    }
}
