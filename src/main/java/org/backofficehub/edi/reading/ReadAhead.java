package org.backofficehub.edi.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.backofficehub.edi.InterchangeListener;

/**
 * Lets StAEDI read the next messages on a thread of its own while the caller's thread checks,
 * translates and books the ones already read: parsing is most of an interchange's cost, and a
 * second core would otherwise sit idle. The caller takes the events in reading order, and a
 * syntax error surfaces there after everything read before it. At most {@link #BATCHES} batches
 * wait, so memory stays bounded however large the interchange.
 */
final class ReadAhead implements InterchangeEvents {

    /** Events are handed over in batches: one hand-off per message would cost more than the message. */
    static final int BATCH = 64;
    static final int BATCHES = 16;

    /** The reading side: what runs on the read-ahead thread, handing events to the sink. */
    interface Reading {
        void run(Consumer<InterchangeEvent> sink) throws InterchangeSyntaxException;
    }

    private final BlockingQueue<List<InterchangeEvent>> batches = new ArrayBlockingQueue<>(BATCHES);
    private volatile boolean abandoned;
    private List<InterchangeEvent> filling = new ArrayList<>(BATCH);
    private final Thread reader;
    private List<InterchangeEvent> taken = List.of();
    private int position;
    private boolean ended;

    private ReadAhead(Reading reading) {
        reader = new Thread(() -> produce(reading), "edi-read-ahead");
        reader.setDaemon(true);
    }

    /** Starts reading ahead; the caller takes the events and closes them. */
    static InterchangeEvents start(Reading reading) {
        ReadAhead events = new ReadAhead(reading);
        events.reader.start();
        return events;
    }

    /** Reads to the end, each event delivered to the listener on the caller's thread. */
    static void run(Reading reading, InterchangeListener listener) throws InterchangeSyntaxException {
        try (InterchangeEvents events = start(reading)) {
            for (InterchangeEvent event = events.next(); event != null; event = events.next()) {
                event.deliverTo(listener);
            }
        }
    }

    @Override
    public InterchangeEvent next() throws InterchangeSyntaxException {
        if (ended) {
            return null;
        }
        if (position == taken.size()) {
            taken = take();
            position = 0;
        }
        InterchangeEvent event = taken.get(position++);
        if (event instanceof End end) {
            ended = true;
            end.rethrow();
            return null;
        }
        return event;
    }

    /** Stops the reader, if it is still reading, and waits for its thread to end. */
    @Override
    public void close() {
        ended = true;
        abandoned = true;
        batches.clear();
        joinQuietly(reader);
    }

    private void produce(Reading reading) {
        End end = End.SUCCESS;
        try {
            reading.run(this::add);
        } catch (Abandoned stop) {
            return;
        } catch (InterchangeSyntaxException | RuntimeException | Error e) {
            end = new End(e);
        }
        filling.add(end);
        handOver();
    }

    private void add(InterchangeEvent event) {
        filling.add(event);
        if (filling.size() >= BATCH) {
            handOver();
        }
    }

    private void handOver() {
        List<InterchangeEvent> full = filling;
        filling = new ArrayList<>(BATCH);
        try {
            while (!batches.offer(full, 100, TimeUnit.MILLISECONDS)) {
                if (abandoned) {
                    throw new Abandoned();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned();
        }
    }

    private List<InterchangeEvent> take() {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading an interchange", e);
        }
    }

    private static void joinQuietly(Thread reader) {
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reading ended, well or with the exception to raise on the caller's thread. */
    private record End(Throwable failure) implements InterchangeEvent {
        static final End SUCCESS = new End(null);

        @Override
        public void deliverTo(InterchangeListener listener) {
        }

        void rethrow() throws InterchangeSyntaxException {
            if (failure instanceof InterchangeSyntaxException syntax) {
                throw syntax;
            } else if (failure instanceof RuntimeException runtime) {
                throw runtime;
            } else if (failure instanceof Error error) {
                throw error;
            }
        }
    }

    /** The caller stopped listening (its listener failed); the reader unwinds without reading on. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }
}
