package org.backofficehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.backofficehub.modes.RouteModes;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.backofficehub.backoffice.ShopUpdates;
import org.backofficehub.shop.MagentoListing;
import org.backofficehub.shop.MagentoStatus;
import org.backofficehub.shop.PlatformStatus;
import org.backofficehub.shop.ShopStatusCalls;
import org.backofficehub.shop.ShopifyStatus;
import org.backofficehub.shop.ShopwareStatus;
import org.backofficehub.shop.WooCommerceStatus;
import org.backofficehub.shop.OrderListing;
import org.backofficehub.shop.Platform;
import org.backofficehub.shop.PlatformHttp;
import org.backofficehub.json.StrictJson;
import org.backofficehub.shop.PlatformOrders;
import org.backofficehub.shop.ShopPulls;
import org.backofficehub.shop.ShopSync;
import org.backofficehub.shop.ShopifyListing;
import org.backofficehub.shop.ShopwareListing;
import org.backofficehub.shop.ShopwareTokens;
import org.backofficehub.shop.WooCommerceListing;
import org.backofficehub.store.FailureLog;
import org.backofficehub.shop.ShopProfile;
import org.backofficehub.shop.ShopProfiles;
import org.backofficehub.shop.ShopRoutes;
import org.backofficehub.shop.ShopOrderFailures;
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
    public ShopWebhooks shopWebhooks(ShopProfiles shops, FailureLog failures, @BeanInject("objectMapper") ObjectMapper json) {
        return new ShopWebhooks(shops, new ShopOrderFailures(failures, json));
    }

    @BindToRegistry(lazy = true)
    public WebhookSignatures webhookSignatures(ShopProfiles shops) {
        return new WebhookSignatures(shops);
    }

    @BindToRegistry(lazy = true)
    public PlatformOrders platformOrders(StrictJson json) {
        return new PlatformOrders(json);
    }

    @BindToRegistry(lazy = true)
    public PlatformHttp platformHttp(Clock clock) {
        return new PlatformHttp(clock);
    }

    @BindToRegistry(lazy = true)
    public ShopwareTokens shopwareTokens(PlatformHttp http, @BeanInject("objectMapper") ObjectMapper json) {
        return new ShopwareTokens(http, json);
    }

    /** Each platform's order list, paginated its own way; prices kept as the exact decimals the platform sent. */
    @BindToRegistry(lazy = true)
    public ShopPulls shopPulls(ShopProfiles shops, @BeanInject("hubStore") DataSource hubStore, PlatformHttp http, ShopwareTokens tokens,
                               FailureLog failures, @BeanInject("objectMapper") ObjectMapper json, Clock clock) {
        ObjectMapper exact = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)).enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        Map<Platform, OrderListing> listings = Map.of(Platform.SHOPIFY, new ShopifyListing(http, exact),
                Platform.WOOCOMMERCE, new WooCommerceListing(http, exact), Platform.MAGENTO, new MagentoListing(http, exact),
                Platform.SHOPWARE, new ShopwareListing(http, tokens, exact));
        return new ShopPulls(shops, new ShopSync(hubStore, clock), listings, failures, exact, clock);
    }

    /** Status back: each platform's calls for booked and shipped orders. */
    @BindToRegistry(lazy = true)
    public ShopStatusCalls shopStatusCalls(ShopProfiles shops, PlatformHttp http, ShopwareTokens tokens,
                                           @BeanInject("objectMapper") ObjectMapper json) {
        Map<Platform, PlatformStatus> platforms = Map.of(Platform.SHOPIFY, new ShopifyStatus(http, json),
                Platform.WOOCOMMERCE, new WooCommerceStatus(http, json), Platform.MAGENTO, new MagentoStatus(http, json),
                Platform.SHOPWARE, new ShopwareStatus(http, tokens, json));
        return new ShopStatusCalls(shops, platforms, json);
    }

    /** The follow-up's step that queues status updates for shops' orders. */
    @BindToRegistry(lazy = true)
    public ShopUpdates shopUpdates(ShopProfiles shops, @BeanInject("objectMapper") ObjectMapper json) {
        return new ShopUpdates(shops, json);
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
