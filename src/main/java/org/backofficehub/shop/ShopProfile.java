package org.backofficehub.shop;

import java.time.Duration;
import java.time.Instant;

/**
 * One web shop the hub takes orders from (config/shops/&lt;key&gt;.properties): its platform, the
 * source its orders are booked under, the secret its webhooks are signed with, the route whose mode
 * books or stages them, the mapping to the hub's web order, and how to reach its API for pulling
 * orders and reporting their status back.
 *
 * @param key     the profile's file name; the shop's webhook is POST /api/shops/{key}/orders
 * @param source  who numbered the orders (ORDHDR.OHSRC): the shop's order 1001 is not the web store's
 * @param route   the route with a mode (hub.routes) that decides between booking now and staging,
 *                and whose schedule pulls the shop's orders
 * @param mapping the JSONata file mapping the platform's order to the hub's web order, as a Camel resource URI
 */
public record ShopProfile(String key, Platform platform, String source, boolean enabled, ShopSecret secret, String route,
                          String mapping, Api api, Pull pull, boolean statusBack) {

    /**
     * The platform's API: its base URL and credentials. Shopify and Magento take a token; WooCommerce
     * a consumer key and secret (HTTP Basic); Shopware an integration's access key id and secret.
     */
    public record Api(String url, ShopSecret token, String user, ShopSecret password) {

        public boolean configured() {
            return !url.isEmpty();
        }

        @Override
        public String toString() {
            return url.isEmpty() ? "(no API)" : url;
        }
    }

    /**
     * Pulling the shop's order list: on or off, the time to start from on the very first sync (null:
     * from then on, nothing older), orders asked for per page, and in real time how often.
     */
    public record Pull(boolean on, Instant since, int pageSize, Duration interval) {
    }

    /** Whether the shop's webhooks can be accepted: without a secret none can be verified, so none is. */
    public boolean verifiesWebhooks() {
        return secret.isSet();
    }

    /** The route that reads this shop's orders: platform order in, canonical orders out. */
    public String readEndpoint() {
        return "direct:read-shop-" + key + "-order";
    }

    /** The shop's instance of the order intake. */
    public String intakeEndpoint() {
        return "direct:shop-" + key + "-order";
    }

    @Override
    public String toString() {
        return "shop " + key + " (" + platform.id() + ", source " + source + ", secret " + secret + ", API " + api + ")";
    }
}
