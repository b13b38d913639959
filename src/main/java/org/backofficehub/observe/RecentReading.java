package org.backofficehub.observe;

import java.util.function.Supplier;

/**
 * A database reading kept for a second. A scrape reads every gauge within a moment, and a count
 * over a queue that is being worked on is not free (H2 has to visit every row to see what other
 * transactions have not yet committed), so one query serves a scrape, however many gauges use it.
 */
final class RecentReading<T> implements Supplier<T> {

    private static final long FRESH_NANOS = 1_000_000_000L;
    private final Supplier<T> reading;
    private T value;
    private long readAt;
    private boolean read;

    RecentReading(Supplier<T> reading) {
        this.reading = reading;
    }

    @Override
    public synchronized T get() {
        if (!read || System.nanoTime() - readAt >= FRESH_NANOS) {
            value = reading.get();
            readAt = System.nanoTime();
            read = true;
        }
        return value;
    }
}
