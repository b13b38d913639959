package org.backofficehub.shop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
    private static WireMockServer platform;
    private static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        platform = new WireMockServer(options().dynamicPort());
        platform.start();
        platform.stubFor(get(urlPathEqualTo("/woo/wp-json/wc/v3/orders")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-WP-TotalPages", "1")
                .withBody("[" + new String(Shops.payload("woocommerce-order-webhook.json"), java.nio.charset.StandardCharsets.UTF_8) + "]")));
        Shops shops = Shops.inTempFolder().profile("us-woo", "platform", "woocommerce", "pull", "true",
                "pull.since", "2000-01-01T00:00:00Z", "api.url", "http://localhost:" + platform.port() + "/woo/wp-json/wc/v3",
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
        // The ERP does not know the items of WooCommerce's order 727 yet.
        JsonNode failure = org.awaitility.Awaitility.await("the refused order recorded").atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(200)).until(ShopPullFailuresTest::shopOrderFailure, java.util.Objects::nonNull);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'WOOCOMMERCE:us-woo'")).isZero();
        assertThat(failure.path("problem").asText()).isEqualTo("unknown-sku");
        assertThat(failure.path("routeId").asText()).isEqualTo("shop-us-woo-order-intake");

        Shops.stockPlatformItems(hub, Shops.WOOCOMMERCE_ITEMS);
        HttpResponse<String> replayed = hub.admin("POST", "/admin/failures/" + failure.path("id").asLong() + "/replay", null);

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'WOOCOMMERCE:us-woo' AND OHCREF = '727'")).isEqualTo(1);
        assertThat(JSON.readTree(hub.admin("POST", "/admin/routes/shop-orders/run", null).body()).path("booked").asInt()).isZero();
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'WOOCOMMERCE:us-woo' AND OHCREF = '727'")).isEqualTo(1);
    }

    private static JsonNode shopOrderFailure() throws Exception {
        for (JsonNode candidate : JSON.readTree(hub.admin("GET", "/admin/failures?state=open", null).body())) {
            if ("shop-order".equals(candidate.path("kind").asText())) {
                return candidate;
            }
        }
        return null;
    }
}
