package org.backofficehub.shop;

import java.time.Instant;

/**
 * Where a shop's pull has got to: the next listing asks for orders changed since {@code since};
 * a listing in progress lists since {@code listingSince}, reads {@code nextPage} next (null: its
 * first page) and began at {@code listingStarted} by the platform's clock (null until its first
 * page was read).
 */
public record PullCursor(Instant since, Instant listingSince, String nextPage, Instant listingStarted) {

    public static PullCursor startingAt(Instant since) {
        return new PullCursor(since, null, null, null);
    }

    public boolean listing() {
        return listingSince != null;
    }

    /** A new listing from the last sync's time, or the one in progress. */
    public PullCursor begin() {
        return listing() ? this : new PullCursor(since, since, null, null);
    }

    /** After a page with more to come: the listing goes on at {@code next}. */
    public PullCursor pageRead(String next, Instant startedAt) {
        return new PullCursor(since, listingSince, next, startedAt);
    }

    /** After the last page: the next listing asks for what changed since this one began. */
    public PullCursor finished(Instant startedAt) {
        return new PullCursor(startedAt, null, null, null);
    }
}
