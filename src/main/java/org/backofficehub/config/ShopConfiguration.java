package org.backofficehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.backofficehub.modes.RouteModes;
import org.backofficehub.shop.PlatformOrders;
import org.backofficehub.shop.ShopProfile;
import org.backofficehub.shop.ShopProfiles;
import org.backofficehub.shop.ShopRoutes;
import org.backofficehub.shop.ShopWebhooks;
import org.backofficehub.shop.WebhookSignatures;

/** Web-store platforms: the shops' profiles, their webhooks and signatures, their mappings. */
public class ShopConfiguration implements CamelConfiguration {

    /** A profile key can be overridden like any setting: hub.shop.eu-store.secret, -D or HUB_SHOP_EU_STORE_SECRET. */
    @BindToRegistry(lazy = true)
    public ShopProfiles shopProfiles(CamelContext camel, @PropertyInject("hub.shops.dir") String directory,
                                     @PropertyInject("hub.shops.mappings") String mappings) {
        return ShopProfiles.load(Path.of(directory.trim()), Path.of(mappings.trim()),
                key -> camel.getPropertiesComponent().resolveProperty(key).orElse(null));
    }

    @BindToRegistry(lazy = true)
    public ShopWebhooks shopWebhooks(ShopProfiles shops) {
        return new ShopWebhooks(shops);
    }

    @BindToRegistry(lazy = true)
    public WebhookSignatures webhookSignatures(ShopProfiles shops) {
        return new WebhookSignatures(shops);
    }

    @BindToRegistry(lazy = true)
    public PlatformOrders platformOrders(@BeanInject("objectMapper") ObjectMapper json) {
        return new PlatformOrders(json);
    }

    @Override
    public void configure(CamelContext camel) throws Exception {
        // The profiles first: one the hub cannot serve (no mapping file, say) stops it here, naming the file.
        camel.getRegistry().findSingleByType(ShopProfiles.class);
        // The shops' routes come from YAML templates, so they can only be added once routes are loaded.
        FullyStarted.then(camel, context -> {
            ShopProfiles shops = context.getRegistry().findSingleByType(ShopProfiles.class);
            RouteModes modes = context.getRegistry().findSingleByType(RouteModes.class);
            for (ShopProfile shop : shops.enabled()) {
                if (!modes.has(shop.route())) {
                    throw new IllegalStateException("Shop " + shop.key() + " names route " + shop.route()
                            + ", which has no mode: add it to hub.routes (config/application.properties lists them all)");
                }
            }
            try {
                ShopRoutes.start(context, shops);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the shops' routes: " + e.getMessage(), e);
            }
        });
    }
}
