package org.backofficehub.shop;

import java.time.Instant;

/** A platform's list of the orders created or updated since a time, page by page, as its API paginates it. */
public interface OrderListing {

    /** @param page the page to read, as the previous page named it; null for the first */
    OrderPage page(ShopProfile shop, Instant since, String page);
}
