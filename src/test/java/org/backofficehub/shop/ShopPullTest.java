package org.backofficehub.shop;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Shops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pulling each platform's order list from a real HTTP server playing the platform (WireMock), with
 * each platform's documented order and pagination: a sync books every listed order once; a second
 * sync, and one after the daemon restarts, books nothing new and asks only for what changed since;
 * a page that fails is read again from the durable cursor, not from the start.
 */
class ShopPullTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer platform;
    private static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        platform = new WireMockServer(options().dynamicPort());
        platform.start();
        stubShopify();
        stubWooCommerce();
        stubMagento();
        stubShopware();
        String api = "http://localhost:" + platform.port();
        Shops shops = Shops.inTempFolder()
                .profile("eu-shopify", "platform", "shopify", "pull", "true", "pull.since", "2000-01-01T00:00:00Z", "pull.page-size", "2",
                        "api.url", api + "/shopify/admin/api/2025-01")
                .profile("us-woo", "platform", "woocommerce", "pull", "true", "pull.since", "2000-01-01T00:00:00Z", "pull.page-size", "2",
                        "api.url", api + "/woo/wp-json/wc/v3", "api.user", "ck_test")
                .profile("magento", "platform", "magento", "pull", "true", "pull.since", "2000-01-01T00:00:00Z", "pull.page-size", "2",
                        "api.url", api + "/magento/rest/default/V1")
                .profile("de-shopware", "platform", "shopware", "pull", "true", "pull.since", "2000-01-01T00:00:00Z",
                        "pull.page-size", "2", "api.url", api + "/shopware/api", "api.user", "SWIATESTACCESSKEY");
        // Batch mode with a schedule that never comes: the pulls run when the test says run now.
        hub = RunningHub.start(Map.of("hub.shops.dir", shops.directory().toString(),
                "hub.routes.shop-orders.mode", "batch", "hub.routes.shop-orders.cron", "0 0 0 1 1 ? 2099",
                "hub.shop.eu-shopify.api.token", "shpat_test", "hub.shop.us-woo.api.password", "cs_test",
                "hub.shop.magento.api.token", "magento-admin-token", "hub.shop.de-shopware.api.password", "shopware-secret"));
        Shops.stockPlatformItems(hub, Shops.SHOPIFY_ITEMS);
        Shops.stockPlatformItems(hub, Shops.WOOCOMMERCE_ITEMS);
        Shops.stockPlatformItems(hub, Shops.MAGENTO_ITEMS);
        Shops.stockPlatformItems(hub, Shops.SHOPWARE_ITEMS);
    }

    @AfterAll
    static void stop() {
        hub.close();
        platform.stop();
    }

    @Test
    void eachListedOrderIsBookedOnceAcrossSyncsAndRestarts() throws Exception {
        HttpResponse<String> firstSync = hub.admin("POST", "/admin/routes/shop-orders/run", null);

        assertThat(firstSync.statusCode()).as(firstSync.body()).isEqualTo(200);
        // Shopify failed on its second page (503): its first page is booked, the rest waits for the next sync.
        assertThat(JSON.readTree(firstSync.body()).path("booked").asInt()).isEqualTo(11);
        assertBookedOnce("SHOPIFY:eu-shopify", "450789469", "450789470");
        assertBookedOnce("WOOCOMMERCE:us-woo", "727", "728", "729");
        assertBookedOnce("MAGENTO:magento", "3", "4", "5");
        assertBookedOnce("SHOPWARE:de-shopware", "8f69d4874c53486a95383b2126161731", "8f69d4874c53486a95383b2126161732",
                "8f69d4874c53486a95383b2126161733");
        assertThat(platform.findAll(getRequestedFor(urlPathEqualTo("/woo/wp-json/wc/v3/orders")).withQueryParam("page", equalTo("2"))))
                .hasSize(1);

        HttpResponse<String> secondSync = hub.admin("POST", "/admin/routes/shop-orders/run", null);

        // The second sync goes on at the page the durable cursor names, never the first page again.
        assertThat(JSON.readTree(secondSync.body()).path("booked").asInt()).isEqualTo(1);
        assertBookedOnce("SHOPIFY:eu-shopify", "450789469", "450789470", "450789471");
        assertThat(shopifyFirstPages()).hasSize(1);
        assertThat(platform.findAll(getRequestedFor(urlPathEqualTo("/shopify/admin/api/2025-01/orders.json"))
                .withQueryParam("page_info", equalTo("eyJsYXN0X2lkIjo0NTA3ODk0NzB9")))).hasSize(2);
        HttpResponse<String> thirdSync = hub.admin("POST", "/admin/routes/shop-orders/run", null);
        assertThat(JSON.readTree(thirdSync.body()).path("booked").asInt()).isZero();

        hub.restart();
        HttpResponse<String> afterRestart = hub.admin("POST", "/admin/routes/shop-orders/run", null);
        assertThat(JSON.readTree(afterRestart.body()).path("booked").asInt()).isZero();
        assertBookedOnce("SHOPIFY:eu-shopify", "450789469", "450789470", "450789471");
        assertBookedOnce("MAGENTO:magento", "3", "4", "5");

        // Every later listing asked for what changed since the one before began, not since 2000.
        List<LoggedRequest> listings = shopifyFirstPages();
        assertThat(listings).hasSizeGreaterThanOrEqualTo(3);
        assertThat(listings.get(listings.size() - 1).queryParameter("updated_at_min").firstValue()).doesNotStartWith("2000");
        assertThat(platform.findAll(getRequestedFor(urlPathEqualTo("/magento/rest/default/V1/orders"))).get(0)
                .queryParameter("searchCriteria[filter_groups][0][filters][0][value]").firstValue()).isEqualTo("2000-01-01 00:00:00");
        List<LoggedRequest> magento = platform.findAll(getRequestedFor(urlPathEqualTo("/magento/rest/default/V1/orders")));
        assertThat(magento.get(magento.size() - 1).queryParameter("searchCriteria[filter_groups][0][filters][0][value]").firstValue())
                .doesNotStartWith("2000");
        platform.verify(postRequestedFor(urlPathEqualTo("/shopware/api/search/order"))
                .withHeader("Authorization", equalTo("Bearer shopware-access-token")));
    }

    private static List<LoggedRequest> shopifyFirstPages() {
        return platform.findAll(getRequestedFor(urlPathEqualTo("/shopify/admin/api/2025-01/orders.json"))
                .withQueryParam("updated_at_min", com.github.tomakehurst.wiremock.client.WireMock.matching(".+")));
    }

    private static void assertBookedOnce(String source, String... orderIds) {
        for (String orderId : orderIds) {
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = '" + source + "' AND OHCREF = '" + orderId + "'"))
                    .as(source + " " + orderId).isEqualTo(1);
        }
    }

    /** Two pages, the second behind Link rel="next" with a page_info cursor; it fails once before it answers. */
    private static void stubShopify() throws Exception {
        String path = "/shopify/admin/api/2025-01/orders.json";
        String cursor = "eyJsYXN0X2lkIjo0NTA3ODk0NzB9";
        platform.stubFor(get(urlPathEqualTo(path)).withQueryParam("page_info", absent())
                .withQueryParam("status", equalTo("any")).withQueryParam("limit", equalTo("2"))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_test"))
                .willReturn(json(wrapped("orders", variants("shopify-order-webhook.json", "id", 450789469L, 450789470L)))
                        .withHeader("Link", "<http://localhost:" + platform.port() + path + "?limit=2&page_info=" + cursor + ">; rel=\"next\"")));
        platform.stubFor(get(urlPathEqualTo(path)).withQueryParam("page_info", equalTo(cursor)).inScenario("second page")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("back"));
        platform.stubFor(get(urlPathEqualTo(path)).withQueryParam("page_info", equalTo(cursor)).inScenario("second page")
                .whenScenarioStateIs("back")
                .willReturn(json(wrapped("orders", variants("shopify-order-webhook.json", "id", 450789471L)))
                        .withHeader("Link", "<http://localhost:" + platform.port() + path + "?limit=2&page_info=previous>; rel=\"previous\"")));
    }

    /** page and per_page, X-WP-TotalPages. */
    private static void stubWooCommerce() throws Exception {
        String path = "/woo/wp-json/wc/v3/orders";
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("ck_test:cs_test".getBytes());
        platform.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("1")).withQueryParam("per_page", equalTo("2"))
                .withQueryParam("dates_are_gmt", equalTo("true")).withHeader("Authorization", equalTo(basic))
                .willReturn(json(variants("woocommerce-order-webhook.json", "id", 727L, 728L))
                        .withHeader("X-WP-Total", "3").withHeader("X-WP-TotalPages", "2")));
        platform.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2")).withHeader("Authorization", equalTo(basic))
                .willReturn(json(variants("woocommerce-order-webhook.json", "id", 729L))
                        .withHeader("X-WP-Total", "3").withHeader("X-WP-TotalPages", "2")));
    }

    /** searchCriteria pageSize/currentPage; total_count says where the pages end (Magento repeats the last page beyond it). */
    private static void stubMagento() throws Exception {
        String path = "/magento/rest/default/V1/orders";
        platform.stubFor(get(urlPathEqualTo(path)).withQueryParam("searchCriteria[currentPage]", equalTo("1"))
                .withQueryParam("searchCriteria[pageSize]", equalTo("2"))
                .withQueryParam("searchCriteria[filter_groups][0][filters][0][field]", equalTo("updated_at"))
                .withHeader("Authorization", equalTo("Bearer magento-admin-token"))
                .willReturn(json(magentoPage(3L, 4L))));
        platform.stubFor(get(urlPathEqualTo(path)).withQueryParam("searchCriteria[currentPage]", equalTo("2"))
                .willReturn(json(magentoPage(5L))));
        platform.stubFor(get(urlPathEqualTo(path)).withQueryParam("searchCriteria[currentPage]", equalTo("3"))
                .willReturn(json(magentoPage(5L))));
    }

    /** A token for the integration's credentials, then POST /api/search/order with page and limit in the criteria. */
    private static void stubShopware() throws Exception {
        platform.stubFor(post(urlPathEqualTo("/shopware/api/oauth/token"))
                .withRequestBody(matchingJsonPath("$.grant_type", equalTo("client_credentials")))
                .withRequestBody(matchingJsonPath("$.client_id", equalTo("SWIATESTACCESSKEY")))
                .withRequestBody(matchingJsonPath("$.client_secret", equalTo("shopware-secret")))
                .willReturn(json("{\"token_type\":\"Bearer\",\"expires_in\":600,\"access_token\":\"shopware-access-token\"}")));
        String path = "/shopware/api/search/order";
        platform.stubFor(post(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.page", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.limit", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.filter[0].queries[0].field", equalTo("createdAt")))
                .willReturn(json(shopwarePage(3, "8f69d4874c53486a95383b2126161731", "8f69d4874c53486a95383b2126161732"))));
        platform.stubFor(post(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.page", equalTo("2")))
                .willReturn(json(shopwarePage(3, "8f69d4874c53486a95383b2126161733"))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The documented order once per id. */
    private static String variants(String file, String idField, long... ids) throws Exception {
        ArrayNode orders = JSON.createArrayNode();
        for (long id : ids) {
            ObjectNode order = (ObjectNode) JSON.readTree(Shops.payload(file));
            order.put(idField, id);
            orders.add(order);
        }
        return JSON.writeValueAsString(orders);
    }

    private static String wrapped(String field, String array) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.set(field, JSON.readTree(array));
        return JSON.writeValueAsString(body);
    }

    private static String magentoPage(long... entityIds) throws Exception {
        ObjectNode page = JSON.createObjectNode();
        page.set("items", JSON.readTree(variants("magento2-order.json", "entity_id", entityIds)));
        page.putObject("search_criteria");
        page.put("total_count", 3);
        return JSON.writeValueAsString(page);
    }

    private static String shopwarePage(int total, String... ids) throws Exception {
        ArrayNode orders = JSON.createArrayNode();
        for (String id : ids) {
            ObjectNode order = (ObjectNode) JSON.readTree(Shops.payload("shopware6-order.json"));
            order.put("id", id);
            orders.add(order);
        }
        ObjectNode page = JSON.createObjectNode().put("total", total);
        page.set("data", orders);
        JsonNode unused = page;
        return JSON.writeValueAsString(unused);
    }
}
