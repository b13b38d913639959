package org.backofficehub.shop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Shops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pulled order the hub refuses is not lost: it becomes a failure record with the platform's
 * order (the pull goes on past it), and replaying it once the cause is fixed books it through the
 * shop's intake, exactly once.
 */
class ShopPullFailuresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An item the demo ERP's catalogue does not have until the test stocks it. */
    private static final String NEW_ITEM = "WOO-NEW-ITEM-1";
    /** WooCommerce's sample order as order 800, on which eu-woo's mapping throws. */
    private static final java.util.function.UnaryOperator<String> UNREADABLE = order -> order.replaceFirst("\"id\": 727,", "\"id\": 800,");
    private static WireMockServer platform;
    private static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        platform = new WireMockServer(options().dynamicPort());
        platform.start();
        // WooCommerce's sample order with an item the demo ERP does not know (yet): the hub refuses it.
        String sample = new String(Shops.payload("woocommerce-order-webhook.json"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(sample).contains("\"sku\": \"Bar3\"").contains("\"id\": 727,");
        platform.stubFor(get(urlPathEqualTo("/woo/wp-json/wc/v3/orders")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-WP-TotalPages", "1")
                .withBody("[" + sample.replace("\"sku\": \"Bar3\"", "\"sku\": \"" + NEW_ITEM + "\"") + "]")));
        // A second shop, whose own mapping throws on one order of the two it lists (a JSONata error,
        // not a refusal the hub names).
        platform.stubFor(get(urlPathEqualTo("/eu-woo/wp-json/wc/v3/orders")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-WP-TotalPages", "1")
                .withBody("[" + UNREADABLE.apply(sample) + "," + sample.replaceFirst("\"id\": 727,", "\"id\": 801,") + "]")));
        java.nio.file.Path mappings = java.nio.file.Files.createTempDirectory("my-mappings-");
        String shipped = java.nio.file.Files.readString(java.nio.file.Path.of("config/mappings/woocommerce-order.jsonata"));
        assertThat(shipped).contains("\"orderId\": $string(id),");
        java.nio.file.Path throwing = java.nio.file.Files.writeString(mappings.resolve("throwing-woo-order.jsonata"),
                shipped.replace("\"orderId\": $string(id),", "\"orderId\": id = 800 ? $error(\"order 800 cannot be read\") : $string(id),"));
        Shops shops = Shops.inTempFolder().profile("us-woo", "platform", "woocommerce", "pull", "true",
                "pull.since", "2000-01-01T00:00:00Z", "api.url", "http://localhost:" + platform.port() + "/woo/wp-json/wc/v3",
                "api.user", "ck_test", "status.back", "false", "pull.interval", "PT1H")
                .profile("eu-woo", "platform", "woocommerce", "pull", "true", "mapping", throwing.toString(),
                "pull.since", "2000-01-01T00:00:00Z", "api.url", "http://localhost:" + platform.port() + "/eu-woo/wp-json/wc/v3",
                "api.user", "ck_test", "status.back", "false", "pull.interval", "PT1H");
        // Real time: the shop is pulled as soon as the hub runs, and each order booked at once (or refused).
        hub = RunningHub.start(Map.of("hub.shops.dir", shops.directory().toString()));
    }

    @AfterAll
    static void stop() {
        hub.close();
        platform.stop();
    }

    @Test
    void aRefusedPulledOrderIsAFailureToReplayAndReplayedItIsBookedOnce() throws Exception {
        // The ERP does not know an item of WooCommerce's order 727 yet.
        JsonNode failure = org.awaitility.Awaitility.await("the refused order recorded").atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(200)).until(ShopPullFailuresTest::shopOrderFailure, java.util.Objects::nonNull);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'WOOCOMMERCE:us-woo'")).isZero();
        assertThat(failure.path("problem").asText()).isEqualTo("unknown-sku");
        assertThat(failure.path("routeId").asText()).isEqualTo("shop-us-woo-order-intake");

        Shops.stockPlatformItems(hub, NEW_ITEM);
        HttpResponse<String> replayed = hub.admin("POST", "/admin/failures/" + failure.path("id").asLong() + "/replay", null);

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'WOOCOMMERCE:us-woo' AND OHCREF = '727'")).isEqualTo(1);
        assertThat(JSON.readTree(hub.admin("POST", "/admin/routes/shop-orders/run", null).body()).path("booked").asInt()).isZero();
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'WOOCOMMERCE:us-woo' AND OHCREF = '727'")).isEqualTo(1);
    }

    @Test
    void anOrderWhoseMappingThrowsIsAFailureAndTheShopsPullGoesOnPastIt() throws Exception {
        JsonNode failure = org.awaitility.Awaitility.await("the unreadable order recorded").atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> shopOrderFailure("shop-eu-woo-order-intake"), java.util.Objects::nonNull);
        // The order after the one that threw is booked: the page was not abandoned at the error.
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'WOOCOMMERCE:eu-woo' AND OHCREF = '801'")).isEqualTo(1);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'WOOCOMMERCE:eu-woo' AND OHCREF = '800'")).isZero();
        assertThat(failure.path("problem").asText()).isEqualTo("processing-failed");
        assertThat(failure.path("reason").asText()).contains("800").contains("order 800 cannot be read");
        String sample = new String(Shops.payload("woocommerce-order-webhook.json"), java.nio.charset.StandardCharsets.UTF_8);
        // The listing's order, as the page held it (one element of the page's array, so compared as JSON).
        assertThat(JSON.readTree(failure.path("payload").asText())).isEqualTo(JSON.readTree(UNREADABLE.apply(sample)));

        // The cursor moved past the page: the next listing asks for what changed since this one, not since pull.since.
        hub.admin("POST", "/admin/routes/shop-orders/run", null);
        var listings = platform.findAll(getRequestedFor(urlPathEqualTo("/eu-woo/wp-json/wc/v3/orders")));
        assertThat(listings.get(listings.size() - 1).queryParameter("modified_after").firstValue()).doesNotStartWith("2000-01-01");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'WOOCOMMERCE:eu-woo' AND OHCREF = '801'")).isEqualTo(1);
    }

    private static JsonNode shopOrderFailure() throws Exception {
        return shopOrderFailure("shop-us-woo-order-intake");
    }

    private static JsonNode shopOrderFailure(String routeId) throws Exception {
        for (JsonNode candidate : JSON.readTree(hub.admin("GET", "/admin/failures?state=open", null).body())) {
            if ("shop-order".equals(candidate.path("kind").asText()) && routeId.equals(candidate.path("routeId").asText())) {
                return candidate;
            }
        }
        return null;
    }
}
