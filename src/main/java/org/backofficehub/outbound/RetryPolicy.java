package org.backofficehub.outbound;

import java.time.Duration;

/** Attempts per message, and the pause after each failed one: doubling from {@code firstDelay} up to {@code maxDelay}. */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    /** The pause after the attempt numbered {@code attempt} (1 = the first) failed. */
    public Duration delayAfter(int attempt) {
        long millis = firstDelay.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
