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
 * The one way into the ERP. Orders arriving concurrently (HTTP requests, inbox files) queue up
 * and one writer books whatever has gathered as a single batch: each database commit then serves
 * many orders, which is what makes durable commits affordable. A lone order is booked at once;
 * nothing waits for a batch to fill. Batch drains submit their chunks through the same writer,
 * so the hub's own transactions never contend for the same items and cannot deadlock.
 */
public final class GroupCommitBooking extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitBooking.class);

    private final OrderBooking booking;
    private final int maxBatch;
    private final long answerTimeoutMillis;
    private final BlockingQueue<Request> queue;
    private Thread writer;

    private record Request(List<Order> orders, CompletableFuture<List<BookingResult>> results) {
    }

    public GroupCommitBooking(OrderBooking booking, int maxBatch, int maxQueued, long answerTimeoutMillis) {
        this.booking = booking;
        this.maxBatch = maxBatch;
        this.answerTimeoutMillis = answerTimeoutMillis;
        this.queue = new ArrayBlockingQueue<>(maxQueued);
    }

    /** Books one order; throws the rejection if the ERP refuses it. */
    public Booking book(Order order) {
        return submit(List.of(order), "order " + order.key()).get(0).orThrow();
    }

    /** Books a whole batch (a drain's chunk) in one transaction; the result at index i is for order i. */
    public List<BookingResult> bookAll(List<Order> orders) {
        return submit(orders, "a batch of " + orders.size() + " orders");
    }

    private List<BookingResult> submit(List<Order> orders, String what) {
        if (!isRunAllowed()) {
            throw new BookingUnavailableException("The hub is stopping; " + what + " was not booked");
        }
        Request request = new Request(orders, new CompletableFuture<>());
        if (!queue.offer(request)) {
            throw new BookingUnavailableException("Too many orders waiting to be booked; " + what + " was not booked");
        }
        try {
            return request.results().get(answerTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new BookingUnavailableException("No answer from the booking writer within " + answerTimeoutMillis + " ms for "
                    + what + "; it may still be booked, and retrying is safe");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BookingUnavailableException("Interrupted while booking " + what);
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
        List<Request> gathered = new ArrayList<>();
        while (true) {
            try {
                Request first = queue.poll(250, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                gathered.add(first);
            } catch (InterruptedException stopping) {
                queue.drainTo(gathered);
                for (Request request : gathered) {
                    write(List.of(request));
                }
                return;
            }
            gatherMore(gathered);
            write(gathered);
            gathered.clear();
        }
    }

    /** Adds waiting requests while the batch stays within maxBatch orders (a large chunk goes alone). */
    private void gatherMore(List<Request> gathered) {
        int orders = gathered.get(0).orders().size();
        Request next;
        while (orders < maxBatch && (next = queue.peek()) != null && orders + next.orders().size() <= maxBatch) {
            gathered.add(queue.poll());
            orders += next.orders().size();
        }
    }

    private void write(List<Request> requests) {
        List<Order> orders = new ArrayList<>();
        requests.forEach(request -> orders.addAll(request.orders()));
        try {
            List<BookingResult> results = booking.bookAll(orders);
            int from = 0;
            for (Request request : requests) {
                int to = from + request.orders().size();
                request.results().complete(results.subList(from, to));
                from = to;
            }
        } catch (RuntimeException e) {
            LOG.warn("Booking a batch of {} order(s) failed: {}", orders.size(), e.getMessage());
            requests.forEach(request -> request.results().completeExceptionally(e));
        }
    }
}
