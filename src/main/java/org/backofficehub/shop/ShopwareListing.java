package org.backofficehub.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Shopware's Admin API search: {@code POST /api/search/order} with criteria (page, limit, exact total),
 * orders created or updated since the time (updatedAt stays null until an order is first changed,
 * so createdAt is OR-ed in), sorted by order number, with the associations the mapping reads.
 */
public final class ShopwareListing implements OrderListing {

    private static final DateTimeFormatter SHOPWARE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    private final PlatformHttp http;
    private final ShopwareTokens tokens;
    private final ObjectMapper json;

    public ShopwareListing(PlatformHttp http, ShopwareTokens tokens, ObjectMapper json) {
        this.http = http;
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public OrderPage page(ShopProfile shop, Instant since, String page) {
        int number = page == null ? 1 : Integer.parseInt(page);
        int limit = shop.pull().pageSize();
        try {
            PlatformHttp.Answer answer = http.send(shop, tokens.authorized(shop, http.request(shop, "/search/order")
                    .header("Content-Type", "application/json").POST(PlatformHttp.json(json.writeValueAsBytes(criteria(since, number, limit))))));
            JsonNode result = json.readTree(answer.body());
            List<byte[]> orders = new ArrayList<>();
            for (JsonNode order : result.path("data")) {
                orders.add(json.writeValueAsBytes(order));
            }
            long total = result.path("total").asLong(0);
            return new OrderPage(orders, (long) number * limit < total ? Integer.toString(number + 1) : null,
                    answer.platformTime(http.clock()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode criteria(Instant since, int page, int limit) {
        ObjectNode criteria = json.createObjectNode().put("page", page).put("limit", limit).put("total-count-mode", 1);
        ObjectNode changed = criteria.putArray("filter").addObject().put("type", "multi").put("operator", "or");
        ArrayNode queries = changed.putArray("queries");
        for (String field : new String[] {"createdAt", "updatedAt"}) {
            queries.addObject().put("type", "range").put("field", field).putObject("parameters").put("gte", SHOPWARE.format(since));
        }
        criteria.putArray("sort").addObject().put("field", "orderNumber").put("order", "ASC");
        ObjectNode associations = criteria.putObject("associations");
        associations.putObject("lineItems");
        associations.putObject("orderCustomer");
        associations.putObject("billingAddress").putObject("associations").putObject("country");
        associations.putObject("currency");
        associations.putObject("deliveries").putObject("associations").putObject("shippingOrderAddress").putObject("associations")
                .putObject("country");
        return criteria;
    }
}
