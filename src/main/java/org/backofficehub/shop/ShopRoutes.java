package org.backofficehub.shop;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates each enabled shop's routes from the templates in shop-orders.camel.yaml at start-up:
 * its reading (mapping, schema, canonical order under its source) and its instance of the order
 * intake, whose mode is that of the shop's route.
 */
public final class ShopRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ShopRoutes.class);

    private ShopRoutes() {
    }

    public static void start(CamelContext camel, ShopProfiles shops) throws Exception {
        for (ShopProfile shop : shops.enabled()) {
            TemplatedRouteBuilder.builder(camel, "shop-order-reading")
                    .routeId("read-shop-" + shop.key() + "-order")
                    .parameter("shop", shop.key())
                    .parameter("source", shop.source())
                    .parameter("mapping", shop.mapping())
                    .add();
            TemplatedRouteBuilder.builder(camel, "order-intake")
                    .routeId(ShopPulls.intakeRouteId(shop))
                    .parameter("from", shop.intakeEndpoint())
                    .parameter("modeRoute", shop.route())
                    .parameter("read", shop.readEndpoint())
                    .parameter("reply", "bean:orderReply")
                    // http-problems, and a refused webhook delivery kept as a failure record
                    .parameter("errors", "shop-problems")
                    .add();
            LOG.info("Shop {} takes orders{}{}", shop, shop.platform().sendsWebhooks()
                            ? " at POST /api/shops/" + shop.key() + "/orders" + (shop.verifiesWebhooks() ? "" : " (refused: no secret set)") : "",
                    shop.pull().on() ? ", pulled on the schedule of route " + shop.route() : "");
        }
    }
}
