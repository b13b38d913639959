package org.backofficehub.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shopify's REST order list: {@code GET orders.json?status=any&updated_at_min=...&limit=N}, then the
 * {@code Link} header's rel="next" URL, whose {@code page_info} cursor is kept (only limit may go
 * with it). The cursor is Shopify's own keyset, so orders changing meanwhile shift no page.
 */
public final class ShopifyListing implements OrderListing {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");
    private static final Pattern PAGE_INFO = Pattern.compile("[?&]page_info=([^&]*)");

    private final PlatformHttp http;
    private final ObjectMapper json;

    public ShopifyListing(PlatformHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public OrderPage page(ShopProfile shop, Instant since, String page) {
        int limit = Math.min(shop.pull().pageSize(), 250);
        String query = page == null
                // status defaults to open: cancelled and closed (archived) orders would be missed.
                ? "/orders.json?status=any&updated_at_min=" + encode(since.toString()) + "&limit=" + limit
                : "/orders.json?limit=" + limit + "&page_info=" + encode(page);
        PlatformHttp.Answer answer = http.send(shop, http.request(shop, query).GET());
        return new OrderPage(orders(answer.body()), next(answer), answer.platformTime(http.clock()));
    }

    private List<byte[]> orders(byte[] body) {
        try {
            List<byte[]> orders = new ArrayList<>();
            for (JsonNode order : json.readTree(body).path("orders")) {
                orders.add(json.writeValueAsBytes(order));
            }
            return orders;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String next(PlatformHttp.Answer answer) {
        for (String link : answer.headers().allValues("Link")) {
            Matcher next = NEXT.matcher(link);
            if (next.find()) {
                Matcher pageInfo = PAGE_INFO.matcher(next.group(1));
                if (pageInfo.find()) {
                    return URLDecoder.decode(pageInfo.group(1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
