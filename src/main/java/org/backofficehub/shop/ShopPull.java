package org.backofficehub.shop;

import java.util.List;

/** One shop's pull while it runs: where its listing is, the page being taken, and what it has taken. */
public final class ShopPull {

    private final ShopProfile shop;
    private PullCursor cursor;
    private OrderPage page;
    private boolean done;
    private int orders;
    private int refused;

    ShopPull(ShopProfile shop, PullCursor cursor) {
        this.shop = shop;
        this.cursor = cursor;
    }

    public ShopProfile shop() {
        return shop;
    }

    /** The shop's key, for the route to reach its reading route. */
    public String key() {
        return shop.key();
    }

    PullCursor cursor() {
        return cursor;
    }

    void cursor(PullCursor cursor) {
        this.cursor = cursor;
    }

    OrderPage page() {
        return page;
    }

    void page(OrderPage page) {
        this.page = page;
        this.orders += page.orders().size();
    }

    boolean done() {
        return done;
    }

    void finish() {
        done = true;
    }

    void refusedOne() {
        refused++;
    }

    int orders() {
        return orders;
    }

    int refused() {
        return refused;
    }

    List<byte[]> pageOrders() {
        return page == null ? List.of() : page.orders();
    }
}
