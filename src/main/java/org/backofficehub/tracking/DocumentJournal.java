package org.backofficehub.tracking;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.backofficehub.edi.writing.SentDocument;
import org.backofficehub.edi.writing.SentDocuments;
import org.backofficehub.model.OrderKey;
import org.backofficehub.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes tracked documents to the hub store in batches, off the paths that received or sent them:
 * those only queue an entry in memory (and set a file aside, a hard link), so tracking adds no
 * commit to a booking, a file or a delivery. The journal's route (routes/tracking.camel.yaml)
 * flushes the queue a few times a second, each batch in one transaction: payloads filed by hash,
 * one tracked_document row per document, one tracked_order row per order it carries.
 *
 * <p>What is queued and not yet written is lost if the hub stops hard; the documents' effects (the
 * bookings, the files in done/ and outbox/) are not, and their chain still shows from the records
 * they left. A queue grown beyond {@code maxQueued} (the store away for long) drops new entries,
 * counted and logged, rather than hold the hub's memory.
 */
public final class DocumentJournal implements SentDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentJournal.class);
    private static final int BATCH = 500;

    private final DataSource hubStore;
    private final PayloadStore payloads;
    private final Clock clock;
    private final int maxQueued;
    private final ConcurrentLinkedDeque<TrackedEntry> queue = new ConcurrentLinkedDeque<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    public DocumentJournal(DataSource hubStore, PayloadStore payloads, Clock clock, int maxQueued) {
        this.hubStore = hubStore;
        this.payloads = payloads;
        this.clock = clock;
        this.maxQueued = maxQueued;
    }

    PayloadStore payloads() {
        return payloads;
    }

    Clock clock() {
        return clock;
    }

    void record(TrackedEntry entry) {
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            if (dropped.incrementAndGet() % 1000 == 1) {
                LOG.warn("Tracking is {} documents behind; {} document(s) not tracked so far", maxQueued, dropped.get());
            }
            return;
        }
        queue.addLast(entry);
    }

    /** A document just published to a partner's outbox: its bytes set aside at once, before anyone can take the file. */
    @Override
    public void published(SentDocument sent) {
        try {
            Path aside = payloads.setAside(sent.file());
            record(new TrackedEntry(TrackedEntry.OUT, "document", "partner-outbox", sent.partnerId(), sent.documentType(),
                    sent.controlNumber(), sent.inReplyTo(), sent.resendOf(), sent.file().getFileName().toString(), null, "sent", null,
                    "application/edi", Payload.setAside(aside), sent.orders(), clock.instant()));
        } catch (RuntimeException e) {
            // The document is sent; only its tracking is missing. Never fail the sending for it.
            LOG.warn("Document {} to {} sent but not tracked: {}", sent.controlNumber(), sent.partnerId(), e.getMessage());
        }
    }

    /** Entries waiting to be written. */
    public int pending() {
        return queued.get();
    }

    /** Whether the journal's route should flush (again): at first, and at once again while whole batches come out. */
    public boolean goOn(Object lastFlushed) {
        return lastFlushed == null || lastFlushed instanceof Integer written && written == BATCH;
    }

    /** Writes up to a batch of queued entries in one transaction; answers how many. */
    public int flush() {
        List<TrackedEntry> batch = new ArrayList<>();
        for (TrackedEntry entry; batch.size() < BATCH && (entry = queue.pollFirst()) != null; ) {
            batch.add(entry);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            List<PayloadStore.Stored> stored = new ArrayList<>(batch.size());
            for (TrackedEntry entry : batch) {
                stored.add(store(entry));
            }
            Transactions.inTransaction(hubStore, "Cannot write tracked documents", connection -> {
                write(connection, batch, stored);
                return null;
            });
            queued.addAndGet(-batch.size());
            return batch.size();
        } catch (RuntimeException e) {
            // Back at the head in their order, for the next round (payloads already stored stay stored).
            for (int i = batch.size() - 1; i >= 0; i--) {
                queue.addFirst(batch.get(i));
            }
            throw e;
        }
    }

    /** The entry's payload filed by hash; one that cannot be (its file gone) leaves the document without one, not the batch stuck. */
    private PayloadStore.Stored store(TrackedEntry entry) {
        if (entry.payload() == null) {
            return null;
        }
        try {
            return entry.payload().store(payloads);
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("The payload of {} {} is not kept: {}", entry.kind(), entry.fileName() != null ? entry.fileName()
                    : entry.controlNumber(), e.getMessage());
            return null;
        }
    }

    private static void write(Connection connection, List<TrackedEntry> batch, List<PayloadStore.Stored> stored) throws SQLException {
        try (PreparedStatement document = connection.prepareStatement(
                "INSERT INTO tracked_document (direction, kind, channel, partner_id, document_type, control_number, in_reply_to, resend_of,"
                        + " file_name, archived_as, state, detail, content_type, payload_hash, payload_size, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement order = connection.prepareStatement(
                     "INSERT INTO tracked_order (document_id, source, order_id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < batch.size(); i++) {
                TrackedEntry entry = batch.get(i);
                PayloadStore.Stored payload = stored.get(i);
                document.setString(1, entry.direction());
                document.setString(2, entry.kind());
                document.setString(3, cut(entry.channel(), 64));
                document.setString(4, cut(entry.partnerId(), 35));
                document.setString(5, cut(entry.documentType(), 35));
                document.setString(6, cut(entry.controlNumber(), 35));
                document.setString(7, cut(entry.inReplyTo(), 35));
                document.setString(8, cut(entry.resendOf(), 35));
                document.setString(9, cut(entry.fileName(), 255));
                document.setString(10, cut(entry.archivedAs(), 255));
                document.setString(11, cut(entry.state(), 16));
                document.setString(12, cut(entry.detail(), 1000));
                document.setString(13, cut(entry.contentType(), 100));
                document.setString(14, payload == null ? null : payload.hash());
                if (payload == null) {
                    document.setNull(15, java.sql.Types.BIGINT);
                } else {
                    document.setLong(15, payload.size());
                }
                document.setTimestamp(16, Timestamp.from(entry.at()));
                document.executeUpdate();
                long id;
                try (ResultSet keys = document.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                for (OrderKey key : new java.util.LinkedHashSet<>(entry.orders())) {
                    order.setLong(1, id);
                    order.setString(2, cut(key.source(), 35));
                    order.setString(3, cut(key.orderId(), 35));
                    order.addBatch();
                }
            }
            order.executeBatch();
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
