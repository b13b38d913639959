package org.backofficehub.shop;

import java.time.Instant;
import java.util.List;

/**
 * One page of a shop's order list: each order as JSON, the page after it (null: this was the last),
 * and the platform's time when it answered.
 */
public record OrderPage(List<byte[]> orders, String next, Instant platformTime) {
}
