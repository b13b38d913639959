package org.backofficehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.backofficehub.security.HttpAttacks.Attack;
import org.backofficehub.security.Mutations.Mutant;
import org.backofficehub.support.RawHttp;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.backofficehub.support.Shops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 21's HTTP probes and a fuzz of the JSON the hub takes (the web store's order, a shop's
 * signed webhook), sent over raw sockets to the real daemon. Whatever comes in, the answer comes
 * within seconds and is a success or a 4xx RFC 7807 problem: never a failure of the hub (5xx),
 * never a hang, never an answer in another shape.
 */
class HttpAttackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final String SHOP_SECRET = "fuzz-shop-secret";
    private static final long SEED = 21;
    private static RunningHub hub;

    @BeforeAll
    static void start() {
        Shops shops = Shops.inTempFolder().profile("fuzz-shop", "platform", "shopify");
        hub = RunningHub.start(Map.of("hub.shops.dir", shops.directory().toString(), "hub.shop.fuzz-shop.secret", SHOP_SECRET));
        Shops.stockPlatformItems(hub, Shops.SHOPIFY_ITEMS);
    }

    @AfterAll
    static void stop() {
        try {
            assertThat(hub.get("/observe/health").statusCode()).as("healthy after it all").isEqualTo(200);
        } finally {
            hub.close();
        }
    }

    static List<Attack> probes() {
        return HttpAttacks.all();
    }

    static Stream<Attack> webOrderMutants() {
        return Mutations.of("order.json", Samples.bytes("webstore/order.json"), 80, SEED).stream()
                .map(m -> HttpAttacks.post(m.name(), "application/json", m.bytes()));
    }

    static Stream<Attack> shopWebhookMutants() {
        return Mutations.of("shopify-order-webhook.json", Shops.payload("shopify-order-webhook.json"), 40, SEED).stream()
                .map(HttpAttackTest::signedWebhook);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void aProbeIsAnsweredWithASuccessOrAProblem(Attack attack) throws Exception {
        RawHttp.Response answer = send(attack);

        assertSuccessOrProblem(attack, answer);
        assertThat(answer.status()).as("no protocol switch").isNotEqualTo(101);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webOrderMutants")
    void aMutatedWebOrderIsAnsweredWithASuccessOrAProblem(Attack attack) throws Exception {
        assertSuccessOrProblem(attack, send(attack));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shopWebhookMutants")
    void aMutatedShopWebhookIsAnsweredWithASuccessOrAProblem(Attack attack) throws Exception {
        assertSuccessOrProblem(attack, send(attack));
    }

    private static Attack signedWebhook(Mutant mutant) {
        return HttpAttacks.post(mutant.name(), "/api/shops/fuzz-shop/orders", "application/json", mutant.bytes(),
                "X-Shopify-Hmac-Sha256", Shops.base64Hmac(SHOP_SECRET, mutant.bytes()), "X-Shopify-Topic", "orders/create");
    }

    private static RawHttp.Response send(Attack attack) throws IOException {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            try {
                connection.send(attack.request());
            } catch (SocketException answeredBeforeTheEnd) {
                // the server may refuse and close before it has read all of a large request; its answer is still there
            }
            return connection.read(ANSWER_WITHIN);
        }
    }

    private static void assertSuccessOrProblem(Attack attack, RawHttp.Response answer) throws IOException {
        assertThat(answer.status()).as(attack.name() + ": " + answer.body()).isBetween(200, 499);
        // Whoever answered, a route or the server's own refusal, the security headers are on it.
        assertThat(answer.header("x-content-type-options")).as(attack.name() + ": nosniff").isEqualTo("nosniff");
        assertThat(answer.header("content-security-policy")).as(attack.name() + ": a CSP").isNotBlank();
        if (answer.status() >= 400) {
            assertThat(answer.header("content-type")).as(attack.name()).isEqualTo("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("type").asText()).as(attack.name()).startsWith("urn:backoffice-hub:problem:");
            assertThat(problem.path("status").asInt()).as(attack.name()).isEqualTo(answer.status());
            assertThat(problem.path("detail").asText()).as(attack.name()).isNotBlank();
        }
    }
}
