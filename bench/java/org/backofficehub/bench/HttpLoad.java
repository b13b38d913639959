package org.backofficehub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * HTTP load against the hub: closed loop (N clients, each sending its next order when the last
 * is answered) or open loop at a fixed rate, where latency counts from each request's scheduled
 * time so a stalled server cannot hide its queueing (no coordinated omission).
 */
final class HttpLoad {

    record Result(String name, long requests, long failures, double seconds, double p50Millis, double p99Millis) {
        double throughput() {
            return requests / seconds;
        }
    }

    /** Signed in as the web store's client, as a web store is; the hub checks the password once, then remembers it. */
    private static final String WEBSTORE_CREDENTIALS = "Basic " + java.util.Base64.getEncoder().encodeToString(
            ("webstore:" + HubProcess.WEBSTORE_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> targets;
    private final LongFunction<HttpRequest.Builder> requestForSequence;
    private final AtomicLong sequence;
    private final int expectedStatus;
    /** What the requests not answered as expected got instead ("HTTP 409", an exception's name), and how often. */
    private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> unexpected = new java.util.concurrent.ConcurrentSkipListMap<>();

    HttpLoad(URI target, AtomicLong sequence, LongFunction<HttpRequest.Builder> requestForSequence) {
        this(target, sequence, 201, requestForSequence);
    }

    HttpLoad(URI target, AtomicLong sequence, int expectedStatus, LongFunction<HttpRequest.Builder> requestForSequence) {
        this(List.of(target), sequence, expectedStatus, requestForSequence);
    }

    /**
     * Spread over several hubs round-robin, by sequence number. As a load balancer would, a request
     * that finds its hub gone (no connection, no answer) goes to the next one; an answer counts as it is.
     */
    HttpLoad(List<URI> targets, AtomicLong sequence, int expectedStatus, LongFunction<HttpRequest.Builder> requestForSequence) {
        this.targets = List.copyOf(targets);
        this.sequence = sequence;
        this.expectedStatus = expectedStatus;
        this.requestForSequence = requestForSequence;
    }

    /** Closed loop until {@code total} requests have been sent, across all clients. */
    Result closedLoopCount(String name, int clients, int total) throws InterruptedException {
        AtomicLong remaining = new AtomicLong(total);
        return closedLoop(name, clients, total, () -> remaining.getAndDecrement() > 0);
    }

    Result closedLoop(String name, int clients, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        return closedLoop(name, clients, 2_000_000, () -> System.nanoTime() < end);
    }

    private Result closedLoop(String name, int clients, int maxPerClient, java.util.function.BooleanSupplier goOn)
            throws InterruptedException {
        List<long[]> latencies = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] own = new long[maxPerClient + 1];
            latencies.add(own);
            threads.add(started(() -> {
                int n = 0;
                while (n < maxPerClient && goOn.getAsBoolean()) {
                    long sent = System.nanoTime();
                    if (!send(sequence.incrementAndGet())) {
                        failures.incrementAndGet();
                    }
                    own[n++] = System.nanoTime() - sent;
                }
                own[own.length - 1] = n;
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return summarise(name, latencies, failures.get(), (System.nanoTime() - started) / 1e9);
    }

    Result fixedRate(String name, int perSecond, Duration duration, int workers) throws InterruptedException {
        long total = perSecond * duration.toSeconds();
        long intervalNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime() + 50_000_000L;
        AtomicLong slot = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            long[] own = new long[(int) total + 1];
            latencies.add(own);
            threads.add(started(() -> {
                int n = 0;
                for (long i; (i = slot.getAndIncrement()) < total; ) {
                    long scheduled = start + i * intervalNanos;
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (!send(sequence.incrementAndGet())) {
                        failures.incrementAndGet();
                    }
                    own[n++] = System.nanoTime() - scheduled;
                }
                own[own.length - 1] = n;
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return summarise(name, latencies, failures.get(), (System.nanoTime() - start) / 1e9);
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work, "bench-client");
        thread.start();
        return thread;
    }

    private boolean send(long sequenceNumber) {
        for (int attempt = 0; attempt < targets.size(); attempt++) {
            URI target = targets.get((int) ((sequenceNumber + attempt) % targets.size()));
            try {
                HttpResponse<Void> response = http.send(requestForSequence.apply(sequenceNumber).uri(target)
                        .header("Authorization", WEBSTORE_CREDENTIALS)
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != expectedStatus) {
                    count("HTTP " + response.statusCode());
                }
                return response.statusCode() == expectedStatus;
            } catch (java.io.IOException gone) {
                // this hub is not there: the next one, if any
                if (attempt == targets.size() - 1) {
                    count(gone.getClass().getSimpleName());
                }
            } catch (Exception e) {
                count(e.getClass().getSimpleName());
                return false;
            }
        }
        return false;
    }

    private void count(String outcome) {
        unexpected.computeIfAbsent(outcome, k -> new java.util.concurrent.atomic.LongAdder()).increment();
    }

    /** Every unexpected outcome since this load was made, e.g. {HTTP 409=2}. */
    java.util.Map<String, Long> unexpected() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        unexpected.forEach((outcome, n) -> counts.put(outcome, n.sum()));
        return counts;
    }

    private static Result summarise(String name, List<long[]> perThread, long failures, double seconds) {
        int count = 0;
        for (long[] own : perThread) {
            count += (int) own[own.length - 1];
        }
        long[] all = new long[count];
        int at = 0;
        for (long[] own : perThread) {
            int n = (int) own[own.length - 1];
            System.arraycopy(own, 0, all, at, n);
            at += n;
        }
        Arrays.sort(all);
        return new Result(name, count, failures, seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
