package org.backofficehub.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.support.service.ServiceSupport;
import org.backofficehub.model.Booking;
import org.backofficehub.model.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time booking path. Orders arriving concurrently (HTTP requests, inbox files) queue up
 * and one writer books whatever has gathered as a single batch: each database commit then serves
 * many orders, which is what makes durable commits affordable. A lone order is booked at once;
 * nothing waits for a batch to fill. A single writer also means the hub's own transactions never
 * deadlock each other over the same items.
 */
public final class GroupCommitBooking extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitBooking.class);

    private final OrderBooking booking;
    private final int maxBatch;
    private final long answerTimeoutMillis;
    private final BlockingQueue<Pending> queue;
    private Thread writer;

    private record Pending(Order order, CompletableFuture<BookingResult> result) {
    }

    public GroupCommitBooking(OrderBooking booking, int maxBatch, int maxQueued, long answerTimeoutMillis) {
        this.booking = booking;
        this.maxBatch = maxBatch;
        this.answerTimeoutMillis = answerTimeoutMillis;
        this.queue = new ArrayBlockingQueue<>(maxQueued);
    }

    public Booking book(Order order) {
        if (!isRunAllowed()) {
            throw new BookingUnavailableException("The hub is stopping; order " + order.key() + " was not booked");
        }
        Pending pending = new Pending(order, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new BookingUnavailableException("Too many orders waiting to be booked; order " + order.key() + " was not booked");
        }
        try {
            return pending.result().get(answerTimeoutMillis, TimeUnit.MILLISECONDS).orThrow();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new BookingUnavailableException("No answer from the booking writer within " + answerTimeoutMillis + " ms for order "
                    + order.key() + "; it may still be booked, and retrying is safe");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BookingUnavailableException("Interrupted while booking order " + order.key());
        }
    }

    @Override
    protected void doStart() {
        writer = new Thread(this::writeBatches, "booking-writer");
        writer.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        // Routes have stopped by now; let the writer book what is already queued, then end.
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(30));
    }

    private void writeBatches() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                Pending first = queue.poll(250, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException stopping) {
                queue.drainTo(batch);
                if (!batch.isEmpty()) {
                    bookBatch(batch);
                }
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            bookBatch(batch);
            batch.clear();
        }
    }

    private void bookBatch(List<Pending> batch) {
        try {
            List<BookingResult> results = booking.bookAll(batch.stream().map(Pending::order).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            LOG.warn("Booking a batch of {} order(s) failed: {}", batch.size(), e.getMessage());
            batch.forEach(pending -> pending.result().completeExceptionally(e));
        }
    }
}
