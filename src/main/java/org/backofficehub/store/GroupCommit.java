package org.backofficehub.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers hand in items and wait; one writer thread takes whatever has gathered
 * (up to {@code maxBatch} items) and writes it with one call, i.e. one transaction, so a durable
 * commit serves many callers. A lone item is written at once; nothing waits for a batch to fill.
 * A request larger than {@code maxBatch} (a drain's chunk) is written on its own.
 *
 * @param <I> what callers hand in
 * @param <O> what each item's caller gets back
 */
public final class GroupCommit<I, O> extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final String name;
    private final Function<List<I>, List<O>> writeAll;
    private final int maxBatch;
    private final long answerTimeoutMillis;
    private final BlockingQueue<Request<I, O>> queue;
    private Thread writer;

    private record Request<I, O>(List<I> items, CompletableFuture<List<O>> results) {
    }

    /** @param writeAll writes a batch in one transaction; the result at index i is for item i */
    public GroupCommit(String name, Function<List<I>, List<O>> writeAll, int maxBatch, int maxQueued, long answerTimeoutMillis) {
        this.name = name;
        this.writeAll = writeAll;
        this.maxBatch = maxBatch;
        this.answerTimeoutMillis = answerTimeoutMillis;
        this.queue = new ArrayBlockingQueue<>(maxQueued);
    }

    public List<O> submit(List<I> items, String what) {
        if (!isRunAllowed()) {
            throw new GroupCommitUnavailableException("The hub is stopping; " + what + " was not written");
        }
        Request<I, O> request = new Request<>(items, new CompletableFuture<>());
        if (!queue.offer(request)) {
            throw new GroupCommitUnavailableException("Too many requests waiting for the " + name + " writer; " + what + " was not written");
        }
        try {
            return request.results().get(answerTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new GroupCommitUnavailableException("No answer from the " + name + " writer within " + answerTimeoutMillis + " ms for "
                    + what + "; it may still be written, and retrying is safe");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GroupCommitUnavailableException("Interrupted while writing " + what);
        }
    }

    @Override
    protected void doStart() {
        writer = new Thread(this::writeBatches, name + "-writer");
        writer.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        if (writer == null) {
            return; // the hub failed to start before this service did
        }
        // Routes have stopped by now; let the writer finish what is already queued, then end.
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(30));
    }

    private void writeBatches() {
        List<Request<I, O>> gathered = new ArrayList<>();
        while (true) {
            try {
                Request<I, O> first = queue.poll(250, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                gathered.add(first);
            } catch (InterruptedException stopping) {
                queue.drainTo(gathered);
                for (Request<I, O> request : gathered) {
                    write(List.of(request));
                }
                return;
            }
            gatherMore(gathered);
            write(gathered);
            gathered.clear();
        }
    }

    private void gatherMore(List<Request<I, O>> gathered) {
        int items = gathered.get(0).items().size();
        Request<I, O> next;
        while (items < maxBatch && (next = queue.peek()) != null && items + next.items().size() <= maxBatch) {
            gathered.add(queue.poll());
            items += next.items().size();
        }
    }

    private void write(List<Request<I, O>> requests) {
        List<I> items = new ArrayList<>();
        requests.forEach(request -> items.addAll(request.items()));
        try {
            List<O> results = writeAll.apply(items);
            int from = 0;
            for (Request<I, O> request : requests) {
                int to = from + request.items().size();
                request.results().complete(results.subList(from, to));
                from = to;
            }
        } catch (RuntimeException e) {
            LOG.warn("Writing a batch of {} to the {} failed: {}", items.size(), name, e.getMessage());
            requests.forEach(request -> request.results().completeExceptionally(e));
        }
    }
}
