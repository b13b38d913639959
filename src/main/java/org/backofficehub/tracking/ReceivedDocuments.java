package org.backofficehub.tracking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;
import org.backofficehub.edi.intake.EdiFileReading;
import org.backofficehub.edi.intake.InterchangeEnd;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps that track what the hub receives, named in the routes that receive it: an inbox file
 * ({@link #file}) or an HTTP request ({@link #request}) is taken note of as it arrives, the orders
 * read from it as they are read ({@link #carries}), an EDI file's interchanges as each is answered
 * ({@link #interchange}), and when the exchange is over, where it went: done/ or error/, or the
 * HTTP status. Nothing here touches the database: the entries go to the {@link DocumentJournal}.
 */
public final class ReceivedDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(ReceivedDocuments.class);
    static final String TRAIL = "hubTrackingTrail";

    private final DocumentJournal journal;

    public ReceivedDocuments(DocumentJournal journal) {
        this.journal = journal;
    }

    /** An inbox file: its bytes set aside now (it is on its way to done/ or error/), recorded once the exchange is over. */
    public void file(Exchange exchange) {
        Message message = exchange.getMessage();
        Path path = Path.of(message.getHeader(Exchange.FILE_PATH, String.class));
        Payload payload;
        try {
            payload = Payload.setAside(journal.payloads().setAside(path));
        } catch (RuntimeException e) {
            LOG.warn("Inbox file {} not kept for tracking: {}", path.getFileName(), e.getMessage());
            payload = null;
        }
        begin(exchange, new Trail("file", "inbox-files", message.getHeader(Exchange.FILE_NAME, String.class), null, payload));
    }

    /** An HTTP request's body (already in memory, within the size limit), recorded once it is answered. */
    public void request(Exchange exchange) {
        Message message = exchange.getMessage();
        byte[] body = message.getBody(byte[].class);
        message.setBody(body);
        String route = exchange.getFromRouteId();
        begin(exchange, new Trail("request", route == null ? "http" : route, null, message.getHeader(Exchange.CONTENT_TYPE, String.class),
                Payload.of(body == null ? new byte[0] : body)));
    }

    /** The orders read from the document (or an EDI interchange's chunk of them). */
    public void carries(Exchange exchange, List<Order> orders) {
        Trail trail = exchange.getProperty(TRAIL, Trail.class);
        if (trail != null && orders != null) {
            for (Order order : orders) {
                trail.orders.add(order.key());
            }
        }
    }

    /** An EDI interchange of the file answered and recorded: one tracked document of its own, with the orders read since the last. */
    public void interchange(Exchange exchange, InterchangeEnd end) {
        Trail trail = exchange.getProperty(TRAIL, Trail.class);
        if (trail == null) {
            return;
        }
        EdiFileReading.Interchange interchange = end.interchange();
        trail.interchanges.add(new InterchangeSeen(interchange.partnerId() != null ? interchange.partnerId() : interchange.senderId(),
                interchange.controlNumber(), interchange.documentTypes(), interchange.state(), interchange.stateDetail(),
                List.copyOf(trail.orders)));
        trail.orders.clear();
    }

    private void begin(Exchange exchange, Trail trail) {
        trail.receivedAt = journal.clock().instant();
        exchange.setProperty(TRAIL, trail);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    finish(done, trail);
                } catch (RuntimeException e) {
                    LOG.warn("A received document was not tracked: {}", e.getMessage());
                }
            }
        });
    }

    private void finish(Exchange exchange, Trail trail) {
        Message message = exchange.getMessage();
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String state;
        String archivedAs = null;
        if ("file".equals(trail.kind)) {
            boolean failed = exchange.isFailed() || exchange.getException() != null;
            state = failed ? "error" : "done";
            String archive = message.getHeader("hubArchiveName", String.class);
            archivedAs = archive == null ? null : state + "/" + archive;
        } else {
            state = status != null && status >= 400 || exchange.isFailed() ? "refused" : "done";
        }
        String detail = failure == null || "done".equals(state) ? null : failure.getMessage();
        String format = message.getHeader("hubDocumentFormat", String.class);
        if (trail.interchanges.isEmpty()) {
            journal.record(new TrackedEntry(TrackedEntry.IN, trail.kind, trail.channel, sourceOf(trail.orders), format, null, null, null,
                    trail.fileName, archivedAs, state, detail, trail.contentType, trail.payload, List.copyOf(trail.orders),
                    trail.receivedAt));
            return;
        }
        for (InterchangeSeen seen : trail.interchanges) {
            journal.record(new TrackedEntry(TrackedEntry.IN, "interchange", trail.channel, seen.partnerId(), seen.documentTypes(),
                    seen.controlNumber(), null, null, trail.fileName, archivedAs, seen.state(),
                    seen.detail() != null ? seen.detail() : detail, "application/edi", trail.payload, seen.orders(), trail.receivedAt));
        }
    }

    /** The source of a document's orders when they share one (a web order, a partner's XML order), else none. */
    private static String sourceOf(Set<OrderKey> orders) {
        Set<String> sources = new LinkedHashSet<>();
        orders.forEach(key -> sources.add(key.source()));
        return sources.size() == 1 ? sources.iterator().next() : null;
    }

    private record InterchangeSeen(String partnerId, String controlNumber, String documentTypes, String state, String detail,
                                   List<OrderKey> orders) {
    }

    /** What is known so far of one received document. */
    static final class Trail {
        final String kind;
        final String channel;
        final String fileName;
        final String contentType;
        final Payload payload;
        final Set<OrderKey> orders = new LinkedHashSet<>();
        final List<InterchangeSeen> interchanges = new ArrayList<>();
        // When the document came in, not when its processing was over: the timeline's first step.
        java.time.Instant receivedAt;

        Trail(String kind, String channel, String fileName, String contentType, Payload payload) {
            this.kind = kind;
            this.channel = channel;
            this.fileName = fileName;
            this.contentType = contentType;
            this.payload = payload;
        }
    }
}
