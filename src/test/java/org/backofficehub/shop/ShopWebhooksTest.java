package org.backofficehub.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Shops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each platform's documented order webhook on the real daemon over real HTTP: signed with the
 * shop's secret it is booked once into the demo ERP under the shop's own source; unsigned,
 * mis-signed, or to a shop without a secret it is refused (401) and nothing is booked.
 */
class ShopWebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOPIFY_SECRET = "shpss_test_client_secret";
    private static final String WOO_SECRET = "woo &amp; secret";
    private static final String SHOPWARE_SECRET = "shopware-app-secret";
    private static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        // A user's change without Java: a copy of the shipped mapping with one field changed (the line's
        // description from the product's title, not the variant's name), named in one shop's profile.
        Path mappings = Files.createTempDirectory("my-mappings-");
        String shipped = Files.readString(Path.of("config/mappings/shopify-order.jsonata"));
        assertThat(shipped).contains("\"description\": $substring(name, 0, 80)");
        Path changed = Files.writeString(mappings.resolve("my-shopify-order.jsonata"),
                shipped.replace("\"description\": $substring(name, 0, 80)", "\"description\": \"Shopify: \" & title"));
        Shops shops = Shops.inTempFolder()
                .profile("my-shopify", "platform", "shopify", "mapping", changed.toString())
                .profile("eu-shopify", "platform", "shopify")
                .profile("no-secret", "platform", "shopify", "source", "SHOPIFY:no-secret")
                .profile("us-woo", "platform", "woocommerce")
                .profile("de-shopware", "platform", "shopware", "source", "SHOPWARE-DE");
        hub = RunningHub.start(Map.of("hub.shops.dir", shops.directory().toString(),
                "hub.shop.eu-shopify.secret", SHOPIFY_SECRET, "hub.shop.my-shopify.secret", SHOPIFY_SECRET,
                "hub.shop.us-woo.secret", WOO_SECRET,
                "hub.shop.de-shopware.secret", SHOPWARE_SECRET));
        Shops.stockPlatformItems(hub, Shops.SHOPIFY_ITEMS);
        Shops.stockPlatformItems(hub, Shops.WOOCOMMERCE_ITEMS);
        Shops.stockPlatformItems(hub, Shops.SHOPWARE_ITEMS);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void shopifyOrderSignedWithTheShopsSecretIsBookedOnceUnderTheShopsSource() throws Exception {
        byte[] order = Shops.payload("shopify-order-webhook.json");
        String signature = Shops.base64Hmac(SHOPIFY_SECRET, order);

        HttpResponse<String> created = shopify("eu-shopify", order, signature, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode booking = JSON.readTree(created.body());
        assertThat(booking.path("source").asText()).isEqualTo("SHOPIFY:eu-shopify");
        assertThat(booking.path("orderId").asText()).isEqualTo("450789469");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/orders/450789469?source=SHOPIFY%3Aeu-shopify");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDLIN JOIN ORDHDR ON OLORNO = OHORNO"
                + " WHERE OHSRC = 'SHOPIFY:eu-shopify' AND OHCREF = '450789469'")).isEqualTo(3);
        JsonNode shown = JSON.readTree(hub.get("/api/orders/450789469?source=SHOPIFY:eu-shopify").body());
        assertThat(shown.path("customer").path("name").asText()).isEqualTo("Bob Norman");
        assertThat(shown.path("netTotal").decimalValue()).isEqualByComparingTo("597.00");

        // The shop's customer is a web-store customer in the customer master, the order in their history.
        JsonNode history = org.awaitility.Awaitility.await("the order in the customer's history").atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
                    JsonNode found = JSON.readTree(hub.get("/api/customers?email=bob.norman@mail.example.com").body());
                    return found.size() == 0 ? JSON.createArrayNode()
                            : JSON.readTree(hub.get("/api/customers/" + found.get(0).path("id").asText()).body()).path("history");
                }, events -> events.size() > 0);
        assertThat(history.findValuesAsText("channel")).contains("web-store");
        // Shopify delivers at least once: the same webhook again books nothing new.
        HttpResponse<String> again = shopify("eu-shopify", order, signature, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("alreadyBooked").asBoolean()).isTrue();
        assertThat(erpOrders("SHOPIFY:eu-shopify", "450789469")).isEqualTo(1);
    }

    @Test
    void shopifyOrderWithTheNullsShopifySendsForMissingValuesIsBooked() throws Exception {
        // Shopify sends null, not "", for what a customer left out: no second address line, no first
        // name, and no name on the billing address (so the customer's name comes from their own).
        com.fasterxml.jackson.databind.node.ObjectNode sample = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                Shops.payload("shopify-order-webhook.json"));
        sample.put("id", 450789480L);
        for (String address : java.util.List.of("billing_address", "shipping_address")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) sample.get(address)).putNull("address2").putNull("name").putNull("first_name");
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) sample.get("customer")).putNull("first_name");
        byte[] order = JSON.writeValueAsBytes(sample);

        HttpResponse<String> created = shopify("eu-shopify", order, Shops.base64Hmac(SHOPIFY_SECRET, order), "n-1");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(erpOrders("SHOPIFY:eu-shopify", "450789480")).isEqualTo(1);
        JsonNode shown = JSON.readTree(hub.get("/api/orders/450789480?source=SHOPIFY:eu-shopify").body());
        assertThat(shown.path("customer").path("name").asText()).isEqualTo("Norman");
    }

    @Test
    void aRefusedWebhookOrderIsKeptAsAFailureWithItsBytesAndReplayedIsBookedOnce() throws Exception {
        // Shopify's sample order, as order 450789490 with an item the ERP does not know yet.
        String sample = new String(Shops.payload("shopify-order-webhook.json"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(sample).contains("\"id\": 450789469,").contains("IPOD2008RED");
        byte[] order = sample.replaceFirst("\"id\": 450789469,", "\"id\": 450789490,").replace("IPOD2008RED", "SHOPIFY-NEW-ITEM-1")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> refused = shopify("eu-shopify", order, Shops.base64Hmac(SHOPIFY_SECRET, order), "r-1");

        // The platform still hears the problem (its admin sees the failed delivery)...
        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
        assertThat(JSON.readTree(refused.body()).path("type").asText()).isEqualTo("urn:backoffice-hub:problem:unknown-sku");
        assertThat(erpOrders("SHOPIFY:eu-shopify", "450789490")).isZero();
        // ...and the hub keeps the order, byte for byte as signed, with the reason.
        JsonNode failure = shopOrderFailure("450789490");
        assertThat(failure).as("a shop-order failure for order 450789490").isNotNull();
        assertThat(failure.path("routeId").asText()).isEqualTo("shop-eu-shopify-order-intake");
        assertThat(failure.path("problem").asText()).isEqualTo("unknown-sku");
        assertThat(failure.path("reason").asText()).contains("SHOPIFY-NEW-ITEM-1");
        assertThat(failure.path("payload").asText()).isEqualTo(new String(order, java.nio.charset.StandardCharsets.UTF_8));

        Shops.stockPlatformItems(hub, "SHOPIFY-NEW-ITEM-1");
        HttpResponse<String> replayed = hub.admin("POST", "/admin/failures/" + failure.path("id").asLong() + "/replay", null);

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(erpOrders("SHOPIFY:eu-shopify", "450789490")).isEqualTo(1);
        // Shopify delivering it again books nothing new, and records nothing: it was taken.
        HttpResponse<String> again = shopify("eu-shopify", order, Shops.base64Hmac(SHOPIFY_SECRET, order), "r-1");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(erpOrders("SHOPIFY:eu-shopify", "450789490")).isEqualTo(1);
        assertThat(shopOrderFailure("450789490")).as("no open failure left for the order").isNull();
    }

    @Test
    void aVerifiedWebhookOrderOnWhichTheMappingFailsIsKeptAsAFailure() throws Exception {
        // An order the shipped mapping throws on (its created_at a number: $substring wants a string), a JSONata error.
        String sample = new String(Shops.payload("shopify-order-webhook.json"), java.nio.charset.StandardCharsets.UTF_8);
        byte[] order = sample.replaceFirst("\"id\": 450789469,", "\"id\": 450789491,").replaceFirst("\"created_at\": \"[^\"]*\"",
                "\"created_at\": 20080101").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> failed = shopify("eu-shopify", order, Shops.base64Hmac(SHOPIFY_SECRET, order), "r-2");

        assertThat(failed.statusCode()).as(failed.body()).isGreaterThanOrEqualTo(400).isNotEqualTo(503);
        JsonNode failure = shopOrderFailure("450789491");
        assertThat(failure).as("a shop-order failure for order 450789491").isNotNull();
        assertThat(failure.path("payload").asText()).isEqualTo(new String(order, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(erpOrders("SHOPIFY:eu-shopify", "450789491")).isZero();
    }

    @Test
    void unsignedOrMisSignedWebhooksAreRefusedAndBookNothing() throws Exception {
        byte[] order = Shops.payload("shopify-order-webhook.json").clone();
        String otherOrderId = "450789470";
        byte[] other = new String(order, java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\"id\": 450789469", "\"id\": " + otherOrderId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int ordersBefore = hub.erpNumber("SELECT COUNT(*) FROM ORDHDR");

        HttpResponse<String> unsigned = hub.post("/api/shops/eu-shopify/orders", other, "Content-Type", "application/json",
                "X-Shopify-Topic", "orders/create");
        HttpResponse<String> wrongSecret = shopify("eu-shopify", other, Shops.base64Hmac("not-the-secret", other), "w-2");
        HttpResponse<String> otherBody = shopify("eu-shopify", other, Shops.base64Hmac(SHOPIFY_SECRET, order), "w-3");
        HttpResponse<String> hexInsteadOfBase64 = shopify("eu-shopify", other, Shops.hexHmac(SHOPIFY_SECRET, other), "w-4");
        HttpResponse<String> noSecretConfigured = shopify("no-secret", other, Shops.base64Hmac("whatever-an-attacker-picks", other), "w-5");

        for (HttpResponse<String> refused : java.util.List.of(unsigned, wrongSecret, otherBody, hexInsteadOfBase64, noSecretConfigured)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(refused.body()).path("type").asText()).isEqualTo("urn:backoffice-hub:problem:invalid-signature");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).isEmpty();
        }
        assertThat(JSON.readTree(noSecretConfigured.body()).path("detail").asText()).contains("no webhook secret");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isEqualTo(ordersBefore);
        assertThat(erpOrders("SHOPIFY:eu-shopify", otherOrderId)).isZero();
    }

    @Test
    void wooCommerceOrderSignedWithTheWebhookSecretIsBookedAndMisSignedIsRefused() throws Exception {
        byte[] order = Shops.payload("woocommerce-order-webhook.json");

        HttpResponse<String> misSigned = woo(order, Shops.base64Hmac("not-the-secret", order));
        assertThat(misSigned.statusCode()).isEqualTo(401);
        HttpResponse<String> unsigned = hub.post("/api/shops/us-woo/orders", order, "Content-Type", "application/json",
                "X-WC-Webhook-Topic", "order.created");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(erpOrders("WOOCOMMERCE:us-woo", "727")).isZero();

        HttpResponse<String> created = woo(order, Shops.base64Hmac(WOO_SECRET, order));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(erpOrders("WOOCOMMERCE:us-woo", "727")).isEqualTo(1);
        // The line without a SKU is named by its product id, as the mapping says.
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDLIN JOIN ORDHDR ON OLORNO = OHORNO WHERE OHSRC = 'WOOCOMMERCE:us-woo'"
                + " AND OLITNO IN ('93', 'Bar3')")).isEqualTo(2);
        assertThat(woo(order, Shops.base64Hmac(WOO_SECRET, order)).statusCode()).isEqualTo(200);
        assertThat(erpOrders("WOOCOMMERCE:us-woo", "727")).isEqualTo(1);
    }

    @Test
    void wooCommercesUnsignedCreationPingIsAnsweredAndBooksNothing() throws Exception {
        int ordersBefore = hub.erpNumber("SELECT COUNT(*) FROM ORDHDR");

        HttpResponse<String> ping = hub.post("/api/shops/us-woo/orders", "webhook_id=42".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "Content-Type", "application/x-www-form-urlencoded", "User-Agent", "WooCommerce/8.9.1 Hookshot (WordPress/6.5.3)");

        assertThat(ping.statusCode()).as(ping.body()).isEqualTo(200);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isEqualTo(ordersBefore);
    }

    @Test
    void shopwareOrderPlacedSignedInHexIsBookedAndMisSignedIsRefused() throws Exception {
        byte[] event = Shops.payload("shopware6-checkout-order-placed-webhook.constructed.json");
        String orderId = "8f69d4874c53486a95383b2126161738";

        HttpResponse<String> base64Instead = shopware(event, Shops.base64Hmac(SHOPWARE_SECRET, event));
        assertThat(base64Instead.statusCode()).isEqualTo(401);
        assertThat(erpOrders("SHOPWARE-DE", orderId)).isZero();

        HttpResponse<String> created = shopware(event, Shops.hexHmac(SHOPWARE_SECRET, event));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(erpOrders("SHOPWARE-DE", orderId)).isEqualTo(1);
        JsonNode shown = JSON.readTree(hub.get("/api/orders/" + orderId + "?source=SHOPWARE-DE").body());
        assertThat(shown.path("netTotal").decimalValue()).isEqualByComparingTo("395.01");
        assertThat(shopware(event, Shops.hexHmac(SHOPWARE_SECRET, event)).statusCode()).isEqualTo(200);
        assertThat(erpOrders("SHOPWARE-DE", orderId)).isEqualTo(1);
    }

    @Test
    void aChangedMappingFileTakesEffectForTheShopThatNamesIt() throws Exception {
        byte[] order = Shops.payload("shopify-order-webhook.json");

        HttpResponse<String> created = shopify("my-shopify", order, Shops.base64Hmac(SHOPIFY_SECRET, order), "m-1");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode shown = JSON.readTree(hub.get("/api/orders/450789469?source=SHOPIFY:my-shopify").body());
        assertThat(shown.path("lines").findValuesAsText("description")).containsOnly("Shopify: IPod Nano - 8gb");
    }

    @Test
    void aShopThatIsNotConfiguredIsNotFound() throws Exception {
        byte[] order = Shops.payload("shopify-order-webhook.json");

        HttpResponse<String> unknown = shopify("nobody", order, Shops.base64Hmac(SHOPIFY_SECRET, order), "w-6");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("type").asText()).isEqualTo("urn:backoffice-hub:problem:not-found");
    }

    @Test
    void signaturesAreTheSelfCheckVectorsOfThePlatformsReadme() {
        byte[] body = "{\"id\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ShopSecret secret = ShopSecret.of("secret");

        assertThat(WebhookSignatures.sign(Platform.SHOPIFY, secret, body)).isEqualTo("A971iWIMgT8Zj9A9eWfikrFj7wQ16/Qwcc4OlRl2PLc=");
        assertThat(WebhookSignatures.sign(Platform.WOOCOMMERCE, secret, body)).isEqualTo("A971iWIMgT8Zj9A9eWfikrFj7wQ16/Qwcc4OlRl2PLc=");
        assertThat(WebhookSignatures.sign(Platform.SHOPWARE, secret, body))
                .isEqualTo("03def589620c813f198fd03d7967e292b163ef0435ebf43071ce0e9519763cb7");
        assertThat(secret.toString()).doesNotContain("secret");
    }

    private static HttpResponse<String> shopify(String shop, byte[] body, String signature, String webhookId) {
        return hub.post("/api/shops/" + shop + "/orders", body, "Content-Type", "application/json",
                "X-Shopify-Topic", "orders/create", "X-Shopify-Hmac-Sha256", signature,
                "X-Shopify-Shop-Domain", "eu-shopify.myshopify.com", "X-Shopify-API-Version", "2025-01",
                "X-Shopify-Webhook-Id", webhookId);
    }

    private static HttpResponse<String> woo(byte[] body, String signature) {
        return hub.post("/api/shops/us-woo/orders", body, "Content-Type", "application/json",
                "X-WC-Webhook-Source", "https://example.com/", "X-WC-Webhook-Topic", "order.created", "X-WC-Webhook-Resource", "order",
                "X-WC-Webhook-Event", "created", "X-WC-Webhook-Signature", signature, "X-WC-Webhook-ID", "42",
                "X-WC-Webhook-Delivery-ID", "8f4c1a2d");
    }

    private static HttpResponse<String> shopware(byte[] body, String signature) {
        return hub.post("/api/shops/de-shopware/orders", body, "Content-Type", "application/json",
                "shopware-shop-signature", signature, "sw-version", "6.5.8.0");
    }

    /** The open shop-order failure of this order, if any. */
    private static JsonNode shopOrderFailure(String orderId) throws Exception {
        for (JsonNode candidate : JSON.readTree(hub.admin("GET", "/admin/failures?state=open", null).body())) {
            if ("shop-order".equals(candidate.path("kind").asText()) && candidate.path("reason").asText().startsWith("Order " + orderId + " ")) {
                return candidate;
            }
        }
        return null;
    }

    private static int erpOrders(String source, String orderId) {
        return hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = '" + source + "' AND OHCREF = '" + orderId + "'");
    }
}
