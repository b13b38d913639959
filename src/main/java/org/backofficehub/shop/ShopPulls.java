package org.backofficehub.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.store.FailureLog;
import org.backofficehub.util.CamelWrapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of pulling shops' order lists (routes pull-shops and pull-shop): which shops of a route
 * are due, each page of a shop's listing, what became of each order on it, and the durable cursor,
 * which moves past a page only once each of its orders was booked, staged or recorded as a failure.
 * A crash or an unreachable platform leaves the cursor where it was: the next sync reads the page
 * again, and the exactly-once booking absorbs what was taken before.
 */
public final class ShopPulls {

    /** The failure kind of a pulled order the hub refused: its payload is the platform's order, replayed through the shop's intake. */
    public static final String FAILURE_KIND = "shop-order";
    /**
     * The next listing starts this much before the previous one began: the platform's Date header
     * is stamped after its query ran, and an order changed in between must not fall through.
     */
    static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ShopPulls.class);

    private final ShopProfiles shops;
    private final ShopSync sync;
    private final Map<Platform, OrderListing> listings;
    private final ShopOrderFailures failures;
    private final Clock clock;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastStarted = new ConcurrentHashMap<>();

    public ShopPulls(ShopProfiles shops, ShopSync sync, Map<Platform, OrderListing> listings, FailureLog failures, ObjectMapper json,
                     Clock clock) {
        this.shops = shops;
        this.sync = sync;
        this.listings = Map.copyOf(listings);
        this.failures = new ShopOrderFailures(failures, json);
        this.clock = clock;
    }

    /**
     * The shops on this route whose pull is due: all of them when the route's schedule runs (batch
     * mode) or on run now; in real time, those not pulled for their pull.interval. A shop being
     * pulled already is left to that pull.
     */
    public List<ShopPull> due(String route, boolean scheduled) {
        List<ShopPull> due = new ArrayList<>();
        Map<String, Instant> startedBefore = new HashMap<>();
        Instant now = clock.instant();
        try {
            for (ShopProfile shop : shops.enabled()) {
                if (!shop.pull().on() || !shop.route().equals(route)) {
                    continue;
                }
                Instant last = lastStarted.get(shop.key());
                if (!scheduled && last != null && last.plus(shop.pull().interval()).isAfter(now)) {
                    continue;
                }
                if (running.add(shop.key())) {
                    startedBefore.put(shop.key(), last);
                    lastStarted.put(shop.key(), now);
                    due.add(new ShopPull(shop, cursor(shop).begin()));
                }
            }
        } catch (RuntimeException e) {
            // No shop of this call is pulled (the split never sees the list), so none may stay claimed:
            // a shop claimed before the one whose cursor failed would be skipped as running until a
            // restart. Each is released as if this call had not been, its interval included.
            startedBefore.forEach((key, last) -> {
                running.remove(key);
                if (last == null) {
                    lastStarted.remove(key);
                } else {
                    lastStarted.put(key, last);
                }
            });
            throw e;
        }
        return due;
    }

    public boolean hasNext(ShopPull pull) {
        return !pull.done();
    }

    /** The next page of the shop's listing: its orders, each the platform's JSON. */
    public List<byte[]> nextPage(ShopPull pull) {
        PullCursor cursor = pull.cursor();
        OrderPage page = listings.get(pull.shop().platform()).page(pull.shop(), cursor.listingSince(), cursor.nextPage());
        pull.page(page);
        return page.orders();
    }

    /** What the order intake answered for one pulled order: a refusal (an unknown SKU, say) becomes a failure to replay. */
    public void settled(ShopPull pull, List<OrderAnswer> answers, byte[] platformOrder) {
        for (OrderAnswer answer : answers) {
            if (answer.refusal() != null) {
                refused(pull, platformOrder, answer.refusal());
            }
        }
    }

    /**
     * Whether a pulled order's failure is recorded and the pull goes on past it (take-pulled-order's
     * catch): everything but what passes by itself. A mapping that throws on one order, or any other
     * failure that repeats on the same bytes, would otherwise stop the page there at every sync and
     * hold the shop's cursor for good.
     */
    public boolean refusable(Exception failure) {
        return !ShopOrderFailures.isTransient(failure);
    }

    /** A pulled order the hub cannot take (its mapping, the schema, the ERP refused it): recorded with the platform's order. */
    public void refused(ShopPull pull, byte[] platformOrder, Exception refusal) {
        Throwable reason = CamelWrapping.unwrap(refusal);
        String problem = ShopOrderFailures.problem(reason);
        ShopProfile shop = pull.shop();
        long id = failures.record(shop, platformOrder, problem, String.valueOf(reason.getMessage()), "pulled from");
        pull.refusedOne();
        LOG.warn("Order {} pulled from shop {} was refused ({}), recorded as failure {}: {}", failures.orderId(shop, platformOrder),
                shop.key(), problem, id, reason.getMessage());
    }

    /** Every order of the page is taken: the cursor moves past it, durably. */
    public void pageDone(ShopPull pull) {
        OrderPage page = pull.page();
        PullCursor cursor = pull.cursor();
        Instant started = cursor.listingStarted() != null ? cursor.listingStarted() : page.platformTime().minus(OVERLAP);
        PullCursor next = page.next() == null ? cursor.finished(started) : cursor.pageRead(page.next(), started);
        sync.save(pull.shop().key(), next);
        pull.cursor(next);
        if (page.next() == null) {
            pull.finish();
        }
    }

    /** The pull stopped (the platform unreachable, the hub store down): the cursor stays where the last whole page left it. */
    public void failed(ShopPull pull, Exception cause) {
        LOG.warn("Pulling shop {} stopped; the next sync goes on from where it got: {}", pull.key(),
                CamelWrapping.unwrap(cause).getMessage());
    }

    public void close(ShopPull pull) {
        running.remove(pull.key());
        if (pull.done() && pull.orders() > 0) {
            LOG.info("Pulled shop {}: {} orders listed, {} refused", pull.key(), pull.orders(), pull.refused());
        }
    }

    /** The route id of the shop's order intake, which a replayed failure goes through again. */
    public static String intakeRouteId(ShopProfile shop) {
        return "shop-" + shop.key() + "-order-intake";
    }

    private PullCursor cursor(ShopProfile shop) {
        return sync.load(shop.key()).orElseGet(() -> {
            // The first sync: from pull.since, else from now on (the shop's history is not booked by surprise).
            PullCursor first = PullCursor.startingAt(shop.pull().since() != null ? shop.pull().since() : clock.instant());
            sync.save(shop.key(), first);
            return first;
        });
    }
}
