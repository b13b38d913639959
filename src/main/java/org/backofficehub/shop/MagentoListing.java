package org.backofficehub.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Magento's order search: {@code GET orders?searchCriteria[...]} with an updated_at gteq filter,
 * sorted by entity_id (which never changes), pageSize and currentPage. Magento clamps a page beyond
 * the last to the last one rather than answering an empty list, so the pages end at
 * ceil(total_count / pageSize), never at an empty page.
 */
public final class MagentoListing implements OrderListing {

    /** Magento's dates: UTC, no zone. */
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PlatformHttp http;
    private final ObjectMapper json;

    public MagentoListing(PlatformHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public OrderPage page(ShopProfile shop, Instant since, String page) {
        int number = page == null ? 1 : Integer.parseInt(page);
        int size = shop.pull().pageSize();
        String filter = "searchCriteria[filter_groups][0][filters][0]";
        String query = "/orders?" + param(filter + "[field]", "updated_at") + "&" + param(filter + "[value]", UTC.format(since))
                + "&" + param(filter + "[condition_type]", "gteq")
                + "&" + param("searchCriteria[sortOrders][0][field]", "entity_id")
                + "&" + param("searchCriteria[sortOrders][0][direction]", "ASC")
                + "&" + param("searchCriteria[pageSize]", Integer.toString(size))
                + "&" + param("searchCriteria[currentPage]", Integer.toString(number));
        PlatformHttp.Answer answer = http.send(shop, http.request(shop, query).GET());
        try {
            JsonNode result = json.readTree(answer.body());
            List<byte[]> orders = new ArrayList<>();
            for (JsonNode order : result.path("items")) {
                orders.add(json.writeValueAsBytes(order));
            }
            long total = result.path("total_count").asLong(0);
            return new OrderPage(orders, (long) number * size < total ? Integer.toString(number + 1) : null,
                    answer.platformTime(http.clock()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String param(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
