package org.backofficehub.batch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open while a drain books staged orders. The back office's workers (follow-up, customer feed)
 * hold off while it is open: on two cores they would otherwise take half the machine and most of
 * the hub store's commits from the drain, which the business scheduled for exactly this moment.
 * What the drain booked waits durably in their queues and is caught up as soon as it closes.
 */
public final class DrainWindow {

    /** One drain's hold on the window. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final AtomicInteger drainsRunning = new AtomicInteger();

    /** Opens the window for one drain; closing it (try-with-resources) lets the workers go on. */
    public Held open() {
        drainsRunning.incrementAndGet();
        return drainsRunning::decrementAndGet;
    }

    public boolean isOpen() {
        return drainsRunning.get() > 0;
    }
}
