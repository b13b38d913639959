package org.backofficehub.shop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.CountMatchingStrategy;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Shops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Status back to the platforms, each played by a real HTTP server (WireMock): a shop's order booked
 * is reported in the platform's own API, and once the warehouse ships it, the shipment with its
 * tracking number; the web store's generic callback carries an HMAC signature of its body.
 */
class ShopStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOPIFY_SECRET = "shopify-secret";
    private static final String WOO_SECRET = "woo-secret";
    private static final String SHOPWARE_SECRET = "shopware-secret";
    private static final String CALLBACK_SECRET = "callback-secret";
    private static final String SHOPWARE_ORDER = "8f69d4874c53486a95383b2126161738";
    private static WireMockServer platform;
    private static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        platform = new WireMockServer(options().dynamicPort());
        platform.start();
        platform.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{}")));
        platform.stubFor(get(urlPathEqualTo("/shopify/admin/api/2025-01/orders/450789469/fulfillment_orders.json"))
                .willReturn(okJson("{\"fulfillment_orders\":[{\"id\":1046000816,\"order_id\":450789469,\"status\":\"open\"},"
                        + "{\"id\":1046000817,\"order_id\":450789469,\"status\":\"closed\"}]}")));
        ObjectNode magentoPage = JSON.createObjectNode().put("total_count", 1);
        magentoPage.putArray("items").add(JSON.readTree(Shops.payload("magento2-order.json")));
        platform.stubFor(get(urlPathEqualTo("/magento/rest/default/V1/orders")).willReturn(okJson(JSON.writeValueAsString(magentoPage))));
        platform.stubFor(post(urlPathEqualTo("/shopware/api/oauth/token"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":600,\"access_token\":\"sw-token\"}")));
        platform.stubFor(post(urlPathEqualTo("/shopware/api/search/order-delivery"))
                .withRequestBody(matchingJsonPath("$.filter[0].value", equalTo(SHOPWARE_ORDER)))
                .willReturn(okJson("{\"total\":1,\"data\":[{\"id\":\"ae11f8bd3291451289919b55ed65a321\",\"orderId\":\"" + SHOPWARE_ORDER + "\"}]}")));
        String api = "http://localhost:" + platform.port();
        Shops shops = Shops.inTempFolder()
                .profile("eu-shopify", "platform", "shopify", "api.url", api + "/shopify/admin/api/2025-01")
                .profile("us-woo", "platform", "woocommerce", "api.url", api + "/woo/wp-json/wc/v3", "api.user", "ck_test")
                .profile("magento", "platform", "magento", "pull", "true", "pull.since", "2000-01-01T00:00:00Z",
                        "api.url", api + "/magento/rest/default/V1")
                .profile("de-shopware", "platform", "shopware", "api.url", api + "/shopware/api", "api.user", "SWIAKEY");
        Map<String, String> settings = new java.util.HashMap<>(Map.of("hub.shops.dir", shops.directory().toString(),
                "hub.shop.eu-shopify.secret", SHOPIFY_SECRET, "hub.shop.eu-shopify.api.token", "shpat_test",
                "hub.shop.us-woo.secret", WOO_SECRET, "hub.shop.us-woo.api.password", "cs_test",
                "hub.shop.magento.api.token", "magento-token",
                "hub.shop.de-shopware.secret", SHOPWARE_SECRET, "hub.shop.de-shopware.api.password", "sw-secret",
                "hub.erp.migrations", "classpath:db/erp,filesystem:" + platformItems()));
        settings.put("hub.webstore.callback-url", api + "/notices");
        settings.put("hub.webstore.callback-secret", CALLBACK_SECRET);
        settings.put("hub.shipments.poll-delay-ms", "200");
        hub = RunningHub.start(settings);
    }

    @AfterAll
    static void stop() {
        hub.close();
        platform.stop();
    }

    @Test
    void shopifyHearsTheBookingAndGetsAFulfillmentWithTracking() throws Exception {
        byte[] order = Shops.payload("shopify-order-webhook.json");
        HttpResponse<String> booked = hub.post("/api/shops/eu-shopify/orders", order, "Content-Type", "application/json",
                "X-Shopify-Topic", "orders/create", "X-Shopify-Hmac-Sha256", Shops.base64Hmac(SHOPIFY_SECRET, order));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String erpNumber = JSON.readTree(booked.body()).path("erpOrderNumber").asText();

        awaitCall(postRequestedFor(urlPathEqualTo("/shopify/admin/api/2025-01/orders/450789469/metafields.json"))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_test"))
                .withRequestBody(matchingJsonPath("$.metafield.value", equalTo(erpNumber))));

        ship(erpNumber, "UPS", "1Z001985YW99744790");

        LoggedRequest fulfillment = awaitCall(postRequestedFor(urlPathEqualTo("/shopify/admin/api/2025-01/fulfillments.json")));
        assertThat(JSON.readTree(fulfillment.getBodyAsString())).isEqualTo(JSON.readTree("""
                {"fulfillment":{"line_items_by_fulfillment_order":[{"fulfillment_order_id":1046000816}],
                 "tracking_info":{"company":"UPS","number":"1Z001985YW99744790"},"notify_customer":true}}"""));
    }

    @Test
    void wooCommerceGetsANoteThenStatusCompletedWithTheTrackingNumber() throws Exception {
        byte[] order = Shops.payload("woocommerce-order-webhook.json");
        HttpResponse<String> booked = hub.post("/api/shops/us-woo/orders", order, "Content-Type", "application/json",
                "X-WC-Webhook-Topic", "order.created", "X-WC-Webhook-Signature", Shops.base64Hmac(WOO_SECRET, order));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String erpNumber = JSON.readTree(booked.body()).path("erpOrderNumber").asText();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("ck_test:cs_test".getBytes());

        awaitCall(postRequestedFor(urlPathEqualTo("/woo/wp-json/wc/v3/orders/727/notes")).withHeader("Authorization", equalTo(basic))
                .withRequestBody(equalToJson("{\"note\":\"Booked in the ERP as order " + erpNumber + "\",\"customer_note\":false}")));

        ship(erpNumber, "DHL", "00340434161234567890");

        awaitCall(putRequestedFor(urlPathEqualTo("/woo/wp-json/wc/v3/orders/727")).withRequestBody(equalToJson("{\"status\":\"completed\"}")));
        awaitCall(postRequestedFor(urlPathEqualTo("/woo/wp-json/wc/v3/orders/727/notes"))
                .withRequestBody(equalToJson("{\"note\":\"Shipped with DHL, tracking 00340434161234567890\",\"customer_note\":true}")));
    }

    @Test
    void aPulledMagentoOrderGetsACommentThenAShipmentWithItsTrack() throws Exception {
        Awaitility.await("Magento's order pulled and booked").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'MAGENTO:magento' AND OHCREF = '3'") == 1);
        String erpNumber = Integer.toString(hub.erpNumber("SELECT OHORNO FROM ORDHDR WHERE OHSRC = 'MAGENTO:magento' AND OHCREF = '3'"));

        awaitCall(postRequestedFor(urlPathEqualTo("/magento/rest/default/V1/orders/3/comments"))
                .withHeader("Authorization", equalTo("Bearer magento-token"))
                .withRequestBody(matchingJsonPath("$.statusHistory.comment", equalTo("Booked in the ERP as order " + erpNumber))));

        ship(erpNumber, "UPS", "1Y-9876543210");

        LoggedRequest shipment = awaitCall(postRequestedFor(urlPathEqualTo("/magento/rest/default/V1/order/3/ship")));
        assertThat(JSON.readTree(shipment.getBodyAsString())).isEqualTo(JSON.readTree("""
                {"notify":true,"tracks":[{"track_number":"1Y-9876543210","title":"UPS","carrier_code":"ups"}]}"""));
    }

    @Test
    void shopwaresOrderGoesInProgressThenItsDeliveryShipsWithTheTrackingCode() throws Exception {
        byte[] event = Shops.payload("shopware6-checkout-order-placed-webhook.constructed.json");
        HttpResponse<String> booked = hub.post("/api/shops/de-shopware/orders", event, "Content-Type", "application/json",
                "shopware-shop-signature", Shops.hexHmac(SHOPWARE_SECRET, event));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String erpNumber = JSON.readTree(booked.body()).path("erpOrderNumber").asText();

        awaitCall(postRequestedFor(urlPathEqualTo("/shopware/api/_action/order/" + SHOPWARE_ORDER + "/state/process"))
                .withHeader("Authorization", equalTo("Bearer sw-token")));

        ship(erpNumber, "DHL", "00340434161234567891");

        awaitCall(patchRequestedFor(urlPathEqualTo("/shopware/api/order-delivery/ae11f8bd3291451289919b55ed65a321"))
                .withRequestBody(equalToJson("{\"trackingCodes\":[\"00340434161234567891\"]}")));
        awaitCall(postRequestedFor(urlPathEqualTo("/shopware/api/_action/order_delivery/ae11f8bd3291451289919b55ed65a321/state/ship")));
    }

    @Test
    void theWebStoresCallbackIsSignedWithAnHmacOfItsBody() throws Exception {
        HttpResponse<String> booked = hub.postJson("/api/orders", org.backofficehub.support.Samples.bytes("webstore/order.json"));
        assertThat(booked.statusCode()).isIn(200, 201);

        LoggedRequest callback = awaitCall(postRequestedFor(urlPathEqualTo("/notices")));

        assertThat(callback.getHeader("X-Hub-Signature-256")).isEqualTo("sha256=" + Shops.hexHmac(CALLBACK_SECRET, callback.getBody()));
    }

    private static void ship(String erpNumber, String carrier, String tracking) {
        HttpResponse<String> shipped = hub.admin("POST", "/admin/erp/shipments",
                "{\"erpOrderNumber\":\"" + erpNumber + "\",\"carrier\":\"" + carrier + "\",\"trackingNumber\":\"" + tracking + "\"}");
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(201);
    }

    private static LoggedRequest awaitCall(RequestPatternBuilder call) {
        return Awaitility.await("the platform called").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> platform.findAll(call), found -> !found.isEmpty()).get(0);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /**
     * The platforms' sample items in the ERP's item master from its first start, as a seed migration
     * (hub.erp.migrations). The demo catalogue has them too (V6): merged, so either way they are there.
     */
    private static String platformItems() throws Exception {
        Path folder = Files.createTempDirectory("erp-seed-");
        StringBuilder sql = new StringBuilder("MERGE INTO ITMMAS (IMITNO, IMDESC, IMUOM, IMPRIC, IMONHD, IMALLO) KEY (IMITNO) VALUES\n");
        List<String> skus = new java.util.ArrayList<>();
        for (String[] items : List.of(Shops.SHOPIFY_ITEMS, Shops.WOOCOMMERCE_ITEMS, Shops.MAGENTO_ITEMS, Shops.SHOPWARE_ITEMS)) {
            skus.addAll(List.of(items));
        }
        sql.append(String.join(",\n", skus.stream().map(sku -> "('" + sku + "', 'Platform item', 'PCE', 10.00, 1000, 0)").toList()))
                .append(";\n");
        Files.writeString(folder.resolve("V100__platform_items.sql"), sql);
        return folder.toString();
    }
}
