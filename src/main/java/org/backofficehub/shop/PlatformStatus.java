package org.backofficehub.shop;

/** One platform's calls that tell a shop what became of an order: booked, shipped with tracking. */
public interface PlatformStatus {

    void booked(ShopProfile shop, StatusUpdate update);

    void shipped(ShopProfile shop, StatusUpdate update);
}
