package org.backofficehub.shop;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * Replays a pulled shop order the hub refused (failure kind {@code shop-order}): the platform's
 * order, or the administrator's correction of it, goes through the shop's intake again (its
 * mapping as it is now, the schema, booking exactly once), as a webhook's would; no signature is
 * asked, the payload being the hub's own record. A refusal again is the admin's answer.
 */
public final class ShopOrderReplays {

    private final ShopProfiles shops;
    private final ProducerTemplate producer;
    private final ObjectMapper json;

    public ShopOrderReplays(CamelContext camel, ShopProfiles shops, ObjectMapper json) {
        this.shops = shops;
        this.producer = camel.createProducerTemplate();
        this.json = json;
    }

    /** @param intakeRouteId the failure's route: the intake of the shop the order came from */
    public Map<String, Object> replay(String intakeRouteId, byte[] payload) throws IOException {
        ShopProfile shop = shops.enabled().stream().filter(s -> ShopPulls.intakeRouteId(s).equals(intakeRouteId)).findFirst()
                .orElseThrow(() -> new InputRejectedException(ProblemType.NOT_FOUND, "The shop of route " + intakeRouteId
                        + " is no longer configured; enable its profile to replay its orders"));
        Exchange answered = producer.request(shop.intakeEndpoint(), exchange -> exchange.getMessage().setBody(payload));
        int status = answered.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        Map<String, Object> answer = json.readValue(answered.getMessage().getBody(byte[].class), new TypeReference<LinkedHashMap<String, Object>>() { });
        if (status >= 400) {
            String slug = String.valueOf(answer.get("type")).replaceFirst("^urn:backoffice-hub:problem:", "");
            ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(slug)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Replaying the order failed: " + answer.get("detail")));
            throw new InputRejectedException(type, String.valueOf(answer.get("detail")));
        }
        return answer;
    }
}
