package org.backofficehub.tracking;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.backofficehub.model.OrderKey;
import org.backofficehub.store.HubStoreException;

/**
 * A tracked item's timeline, assembled when it is asked for from what the hub records anyway,
 * keyed by the order (source and order id) and by each document's interchange: the documents that
 * carried it in and out (tracked_document), the acknowledgements sent for them and the partner's
 * acknowledgements of ours (edi_interchange), and the steps the hub records for its own work
 * ({@link ChainSteps}: booking, invoice, journal, messages owed, shipments, failures). Each step says when, what, which way, in what state, its
 * identifiers, where its payload is, and what an operator can do with it.
 */
public final class Timelines {

    /**
     * The steps of a chain, in the order the hub takes them where the clock cannot tell them apart
     * (one order's receipt, booking and acknowledgement often share a millisecond).
     */
    private static final List<String> FLOW = List.of("received", "staged", "booking", "booked", "acknowledgement-sent",
            "order-response", "erp-confirmation", "invoiced", "journal-posting", "message", "invoice-sent", "shipped",
            "despatch-advice", "sent", "failure");
    private static final Comparator<Map<String, Object>> IN_ORDER = Comparator
            .comparing((Map<String, Object> step) -> (Instant) step.get("at"), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(step -> {
                int rank = FLOW.indexOf(String.valueOf(step.get("kind")));
                return rank < 0 ? FLOW.size() : rank;
            });

    private static final Set<String> ACKNOWLEDGEMENTS = Set.of("CONTRL", "997", "999", "TA1");
    private static final int ORDERS_LISTED = 200;

    private final DataSource hubStore;
    private final OverdueAcknowledgements overdue;
    private final ItemSummaries summaries = new ItemSummaries();

    public Timelines(DataSource hubStore, OverdueAcknowledgements overdue) {
        this.hubStore = hubStore;
        this.overdue = overdue;
    }

    public Optional<Map<String, Object>> item(String itemId) {
        try (Connection connection = hubStore.getConnection()) {
            connection.setReadOnly(true);
            Optional<OrderKey> order = ItemIds.order(itemId);
            if (order.isPresent()) {
                return orderTimeline(connection, order.get());
            }
            Optional<Long> document = ItemIds.document(itemId);
            if (document.isPresent()) {
                return documentTimeline(connection, document.get());
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read the tracked item: " + e.getMessage(), e);
        }
    }

    /** A tracked document by id, as a timeline step lists it. */
    public Optional<Map<String, Object>> document(long id) {
        try (Connection connection = hubStore.getConnection()) {
            return documentById(connection, id);
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read tracked document " + id + ": " + e.getMessage(), e);
        }
    }

    /** The orders a tracked document carries. */
    public List<OrderKey> ordersOf(long documentId) {
        try (Connection connection = hubStore.getConnection()) {
            return Rows.query(connection, "SELECT source, order_id FROM tracked_order WHERE document_id = ?",
                    row -> new OrderKey(row.getString(1), row.getString(2)), documentId);
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read the orders of tracked document " + documentId + ": " + e.getMessage(), e);
        }
    }

    private Optional<Map<String, Object>> orderTimeline(Connection connection, OrderKey key) throws SQLException {
        Map<String, Object> item = summaries.order(connection, key);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> documents = (List<Map<String, Object>>) item.remove("documents");
        List<Map<String, Object>> steps = new ArrayList<>();
        Set<Long> shown = new LinkedHashSet<>();
        Set<String> fileNames = new LinkedHashSet<>();
        for (Map<String, Object> document : documents) {
            shown.add((Long) document.get("documentId"));
            steps.add(documentStep(connection, document));
            if ("in".equals(document.get("direction"))) {
                if (document.get("fileName") != null) {
                    fileNames.add((String) document.get("fileName"));
                }
                for (Map<String, Object> reply : replies(connection, document)) {
                    if (shown.add((Long) reply.get("documentId"))) {
                        steps.add(documentStep(connection, reply));
                    }
                }
            }
        }
        boolean known = !documents.isEmpty();
        known |= ChainSteps.bookingSteps(connection, key, steps);
        known |= ChainSteps.backOfficeSteps(connection, key, steps);
        ChainSteps.failureSteps(connection, fileNames, steps);
        if (!known) {
            return Optional.empty();
        }
        steps.sort(IN_ORDER);
        item.put("steps", steps);
        return Optional.of(item);
    }

    private Optional<Map<String, Object>> documentTimeline(Connection connection, long id) throws SQLException {
        Optional<Map<String, Object>> found = documentById(connection, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> document = found.get();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("itemId", ItemIds.ofDocument(id));
        item.put("kind", "document");
        item.put("state", document.get("state"));
        ItemSummaries.putIfPresent(item, "partner", document.get("partner"));
        List<Map<String, Object>> steps = new ArrayList<>();
        steps.add(documentStep(connection, document));
        if ("in".equals(document.get("direction"))) {
            for (Map<String, Object> reply : replies(connection, document)) {
                steps.add(documentStep(connection, reply));
            }
        } else if (document.get("inReplyTo") != null) {
            // What it answered: the partner's interchange.
            for (Map<String, Object> answered : Rows.query(connection, "SELECT " + ItemSummaries.DOCUMENT_COLUMNS + " FROM tracked_document d"
                    + " WHERE d.direction = 'in' AND d.partner_id = ? AND d.control_number = ?", ItemSummaries::document,
                    document.get("partner"), document.get("inReplyTo"))) {
                steps.add(documentStep(connection, answered));
            }
        }
        ChainSteps.failureSteps(connection, document.get("fileName") == null ? Set.of() : Set.of((String) document.get("fileName")), steps);
        steps.sort(IN_ORDER);
        item.put("steps", steps);
        List<Map<String, Object>> orders = new ArrayList<>();
        for (OrderKey key : Rows.query(connection, "SELECT source, order_id FROM tracked_order WHERE document_id = ? ORDER BY order_id"
                + " FETCH FIRST " + ORDERS_LISTED + " ROWS ONLY", row -> new OrderKey(row.getString(1), row.getString(2)), id)) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("itemId", ItemIds.of(key));
            order.put("href", ItemIds.href(ItemIds.of(key)));
            order.put("source", key.source());
            order.put("orderId", key.orderId());
            orders.add(order);
        }
        item.put("orders", orders);
        return Optional.of(item);
    }

    private static Optional<Map<String, Object>> documentById(Connection connection, long id) throws SQLException {
        return Rows.query(connection, "SELECT " + ItemSummaries.DOCUMENT_COLUMNS + " FROM tracked_document d WHERE d.id = ?",
                ItemSummaries::document, id).stream().findFirst();
    }

    /** What the hub sent in answer to a received interchange: its acknowledgement, its order responses. */
    private static List<Map<String, Object>> replies(Connection connection, Map<String, Object> received) throws SQLException {
        if (received.get("controlNumber") == null || received.get("partner") == null) {
            return List.of();
        }
        return Rows.query(connection, "SELECT " + ItemSummaries.DOCUMENT_COLUMNS + " FROM tracked_document d WHERE d.direction = 'out'"
                + " AND d.partner_id = ? AND d.in_reply_to = ? ORDER BY d.id", ItemSummaries::document, received.get("partner"),
                received.get("controlNumber"));
    }

    private Map<String, Object> documentStep(Connection connection, Map<String, Object> document) throws SQLException {
        Map<String, Object> step = new LinkedHashMap<>();
        boolean in = "in".equals(document.get("direction"));
        String type = (String) document.get("documentType");
        step.put("at", document.get("at"));
        step.put("kind", in ? "received" : stepKindOfSent(type));
        step.put("direction", document.get("direction"));
        step.put("state", document.get("state"));
        step.put("document", document);
        List<Map<String, Object>> actions = new ArrayList<>();
        if (!in) {
            actions.add(ChainSteps.action("resend", "POST", "/admin/tracking/documents/" + document.get("documentId") + "/resend"));
            acknowledgementOf(connection, document, step);
        }
        if (document.get("payload") != null) {
            step.put("payload", document.get("payload"));
        }
        step.put("actions", actions);
        return step;
    }

    /** For a document sent to a partner: whether its acknowledgement came back (reconciled), is awaited, or overdue. */
    private void acknowledgementOf(Connection connection, Map<String, Object> document, Map<String, Object> step) throws SQLException {
        if (document.get("partner") == null || document.get("controlNumber") == null) {
            return;
        }
        for (Object[] row : Rows.query(connection, "SELECT ack_status, ack_detail, updated_at, created_at, ack_interchange FROM edi_interchange"
                        + " WHERE direction = 'out' AND partner_id = ? AND control_number = ?",
                r -> new Object[] {r.getString(1), r.getString(2), Rows.instant(r, "updated_at"), Rows.instant(r, "created_at"), r.getString(5)},
                document.get("partner"), document.get("controlNumber"))) {
            String status = (String) row[0];
            Map<String, Object> ack = new LinkedHashMap<>();
            ack.put("status", status);
            ItemSummaries.putIfPresent(ack, "detail", row[1]);
            if ("awaited".equals(status)) {
                ack.put("overdue", overdue.overdue((String) document.get("partner"), (Instant) row[3]));
            } else if (!"not-expected".equals(status)) {
                ack.put("reconciledAt", row[2]);
            }
            if (row[4] != null) {
                // The partner's interchange it came in, and that document's own timeline and payload if tracked.
                ack.put("interchange", row[4]);
                for (Map<String, Object> received : Rows.query(connection, "SELECT " + ItemSummaries.DOCUMENT_COLUMNS + " FROM tracked_document d"
                        + " WHERE d.direction = 'in' AND d.partner_id = ? AND d.control_number = ? ORDER BY d.id DESC FETCH FIRST 1 ROWS ONLY",
                        ItemSummaries::document, document.get("partner"), row[4])) {
                    ack.put("itemId", ItemIds.ofDocument((Long) received.get("documentId")));
                    ItemSummaries.putIfPresent(ack, "payload", received.get("payload"));
                }
            }
            step.put("acknowledgement", ack);
        }
    }

    private static String stepKindOfSent(String documentType) {
        if (documentType == null) {
            return "sent";
        }
        if (ACKNOWLEDGEMENTS.contains(documentType)) {
            return "acknowledgement-sent";
        }
        return switch (documentType) {
            case "ORDRSP", "855" -> "order-response";
            case "INVOIC", "810" -> "invoice-sent";
            case "DESADV", "856" -> "despatch-advice";
            default -> "sent";
        };
    }

}
