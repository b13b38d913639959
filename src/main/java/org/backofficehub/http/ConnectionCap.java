package org.backofficehub.http;

import io.vertx.core.http.HttpConnection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code hub.http.max-connections} connections open at once: one beyond is closed as soon
 * as the server has it, before it reads a byte, so a flood of idle or slow connections cannot
 * use up the process's file descriptors (which the databases and the inbox need too). Connections
 * are counted across all event loops. Over TLS, Vert.x hands a connection over once its handshake
 * is done: until then it is bounded by the handshake timeout (hub.http.header-timeout-ms), not the cap. A flood is logged once a minute with the count of refused
 * connections, not once per connection, so the log is not the next thing to fill up.
 */
final class ConnectionCap {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCap.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refusedSinceWarning = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    ConnectionCap(int max) {
        this.max = max;
    }

    /** Counts the connection until it closes, or closes it at once if the cap is reached; true if it may stay. */
    boolean admit(HttpConnection connection) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            connection.close();
            refused();
            return false;
        }
        connection.closeHandler(closed -> open.decrementAndGet());
        return true;
    }

    private void refused() {
        refusedSinceWarning.incrementAndGet();
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("Closed {} new connection(s) at once since the last warning: the {} open are the most"
                    + " hub.http.max-connections allows (this warning comes at most once a minute)", refusedSinceWarning.getAndSet(0), max);
        }
    }
}
