package org.backofficehub.shop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Shops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A shop's pull cursor that cannot be read fails that sync, and only that sync: the shops taken up
 * before it in the same call are not left marked as being pulled, so the next sync pulls them.
 */
class ShopPullCursorTest {

    private static WireMockServer platform;
    private static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        platform = new WireMockServer(options().dynamicPort());
        platform.start();
        Shops shops = Shops.inTempFolder();
        // Two shops listing no orders; a-woo comes before b-woo (profiles are read in file-name order).
        for (String shop : new String[] {"a-woo", "b-woo"}) {
            platform.stubFor(get(urlPathEqualTo("/" + shop + "/orders")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withHeader("X-WP-TotalPages", "1").withBody("[]")));
            shops.profile(shop, "platform", "woocommerce", "pull", "true", "pull.since", "2000-01-01T00:00:00Z",
                    "api.url", "http://localhost:" + platform.port() + "/" + shop, "api.user", "ck_test", "status.back", "false",
                    "pull.interval", "PT1H");
        }
        // Real time: both are pulled as the hub starts, and again only on run now (their interval is an hour).
        hub = RunningHub.start(Map.of("hub.shops.dir", shops.directory().toString()));
    }

    @AfterAll
    static void stop() {
        hub.close();
        platform.stop();
    }

    @Test
    void aShopWhoseCursorCannotBeReadDoesNotHoldTheShopsBeforeIt() throws Exception {
        Awaitility.await("both shops pulled at start").atMost(Duration.ofSeconds(20))
                .until(() -> listings("a-woo") == 1 && listings("b-woo") == 1);
        Awaitility.await("b-woo's cursor saved").atMost(Duration.ofSeconds(20))
                .until(() -> cursorRows("UPDATE shop_sync SET pulled_at = pulled_at WHERE shop = 'b-woo'") == 1);

        // b-woo's cursor is unreadable: this sync fails, after a-woo was already taken up.
        cursorRows("UPDATE shop_sync SET synced_since = 'not an instant' WHERE shop = 'b-woo'");
        hub.admin("POST", "/admin/routes/shop-orders/run", null);
        assertThat(listings("a-woo")).isEqualTo(1);

        cursorRows("UPDATE shop_sync SET synced_since = '2000-01-01T00:00:00Z' WHERE shop = 'b-woo'");
        hub.admin("POST", "/admin/routes/shop-orders/run", null);

        // a-woo was released when the failed sync gave up: the next one pulls it (and b-woo, repaired).
        assertThat(listings("a-woo")).isEqualTo(2);
        assertThat(listings("b-woo")).isEqualTo(2);
    }

    private static int listings(String shop) {
        return platform.findAll(getRequestedFor(urlPathEqualTo("/" + shop + "/orders"))).size();
    }

    private static int cursorRows(String update) throws Exception {
        try (Connection c = hub.hubStore().getConnection(); PreparedStatement statement = c.prepareStatement(update)) {
            return statement.executeUpdate();
        }
    }
}
