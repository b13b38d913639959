package org.backofficehub.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * WooCommerce's order list: {@code GET orders?modified_after=...&dates_are_gmt=true&per_page=N&page=P},
 * page numbers up to the {@code X-WP-TotalPages} header. Ordered by id, which never changes: an
 * order modified during the listing moves no other to a page already read.
 */
public final class WooCommerceListing implements OrderListing {

    /** GMT without a zone, as dates_are_gmt=true reads it. */
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PlatformHttp http;
    private final ObjectMapper json;

    public WooCommerceListing(PlatformHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public OrderPage page(ShopProfile shop, Instant since, String page) {
        int number = page == null ? 1 : Integer.parseInt(page);
        String query = "/orders?modified_after=" + GMT.format(since.truncatedTo(ChronoUnit.SECONDS)) + "&dates_are_gmt=true&per_page="
                + Math.min(shop.pull().pageSize(), 100) + "&page=" + number + "&orderby=id&order=asc&status=any";
        PlatformHttp.Answer answer = http.send(shop, http.request(shop, query).GET());
        int pages = answer.headers().firstValue("X-WP-TotalPages").map(Integer::parseInt).orElse(number);
        return new OrderPage(orders(answer.body()), number < pages ? Integer.toString(number + 1) : null,
                answer.platformTime(http.clock()));
    }

    private List<byte[]> orders(byte[] body) {
        try {
            List<byte[]> orders = new ArrayList<>();
            for (JsonNode order : json.readTree(body)) {
                orders.add(json.writeValueAsBytes(order));
            }
            return orders;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
