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
 * acknowledgements of ours (edi_interchange), the booking or stage (order_booking, staged_order,
 * erp_confirmation), the invoice and its journal (invoice, ledger_posting, journal), what was owed
 * to accounting, the web store and partners (outbound_message), the shipments (shipment) and the
 * failures to replay (failure). Each step says when, what, which way, in what state, its
 * identifiers, where its payload is, and what an operator can do with it.
 */
public final class Timelines {

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
        known |= bookingSteps(connection, key, steps);
        known |= backOfficeSteps(connection, key, steps);
        failureSteps(connection, fileNames, steps);
        if (!known) {
            return Optional.empty();
        }
        steps.sort(Comparator.comparing(step -> (Instant) step.get("at"), Comparator.nullsLast(Comparator.naturalOrder())));
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
        failureSteps(connection, document.get("fileName") == null ? Set.of() : Set.of((String) document.get("fileName")), steps);
        steps.sort(Comparator.comparing(step -> (Instant) step.get("at"), Comparator.nullsLast(Comparator.naturalOrder())));
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
            actions.add(action("resend", "POST", "/admin/tracking/documents/" + document.get("documentId") + "/resend"));
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

    /** Booked (or being booked), staged, confirmed by an ERP that numbers orders later. */
    private static boolean bookingSteps(Connection connection, OrderKey key, List<Map<String, Object>> steps) throws SQLException {
        boolean found = false;
        for (Map<String, Object> step : Rows.query(connection, "SELECT state, erp_order_no, claimed_at, booked_at FROM order_booking"
                + " WHERE source = ? AND order_id = ?", row -> {
                    Map<String, Object> s = step(row.getTimestamp("booked_at") != null ? Rows.instant(row, "booked_at")
                            : Rows.instant(row, "claimed_at"), "BOOKED".equals(row.getString("state")) ? "booked" : "booking", "internal",
                            row.getString("state").toLowerCase(java.util.Locale.ROOT));
                    ItemSummaries.putIfPresent(s, "erpOrderNumber", row.getString("erp_order_no"));
                    s.put("claimedAt", Rows.instant(row, "claimed_at"));
                    return s;
                }, key.source(), key.orderId())) {
            steps.add(step);
            found = true;
        }
        for (Map<String, Object> step : Rows.query(connection, "SELECT route_id, tracking_id, staged_at FROM staged_order"
                + " WHERE source = ? AND order_id = ?", row -> {
                    Map<String, Object> s = step(Rows.instant(row, "staged_at"), "staged", "internal", "staged");
                    s.put("routeId", row.getString("route_id"));
                    s.put("trackingId", row.getString("tracking_id"));
                    return s;
                }, key.source(), key.orderId())) {
            steps.add(step);
            found = true;
        }
        steps.addAll(Rows.query(connection, "SELECT erp_order_number, status, message, received_at FROM erp_confirmation"
                + " WHERE source = ? AND order_id = ?", row -> {
                    Map<String, Object> s = step(Rows.instant(row, "received_at"), "erp-confirmation", "in",
                            row.getString("status").toLowerCase(java.util.Locale.ROOT));
                    ItemSummaries.putIfPresent(s, "erpOrderNumber", row.getString("erp_order_number"));
                    ItemSummaries.putIfPresent(s, "detail", row.getString("message"));
                    return s;
                }, key.source(), key.orderId()));
        return found;
    }

    /** Invoice, journal, shipments, and every message owed to another system about the order. */
    private static boolean backOfficeSteps(Connection connection, OrderKey key, List<Map<String, Object>> steps) throws SQLException {
        List<String> messageNames = new ArrayList<>(List.of("booked:" + key.source() + ":" + key.orderId(),
                "confirmed:" + key.source() + ":" + key.orderId(), "DESADV " + key.orderId(), "INVOIC " + key.orderId()));
        boolean found = false;
        for (Object[] invoice : Rows.query(connection, "SELECT invoice_number, issued_on, currency, net_total, tax_total, gross_total,"
                + " created_at, partner_sent_at FROM invoice WHERE source = ? AND order_id = ?", row -> new Object[] {
                row.getString(1), row.getDate(2).toLocalDate().toString(), row.getString(3), row.getBigDecimal(4), row.getBigDecimal(5),
                row.getBigDecimal(6), Rows.instant(row, "created_at"), Rows.instant(row, "partner_sent_at")}, key.source(), key.orderId())) {
            found = true;
            String number = (String) invoice[0];
            Map<String, Object> step = step((Instant) invoice[6], "invoiced", "internal", "issued");
            step.put("invoiceNumber", number);
            step.put("issuedOn", invoice[1]);
            step.put("currency", invoice[2]);
            step.put("netTotal", invoice[3]);
            step.put("taxTotal", invoice[4]);
            step.put("grossTotal", invoice[5]);
            ItemSummaries.putIfPresent(step, "partnerSentAt", invoice[7]);
            steps.add(step);
            messageNames.add("invoiced:" + number);
            messageNames.add(number + ".xml");
            for (Object[] posting : Rows.query(connection, "SELECT p.journal_number, COUNT(*), MIN(j.closed_at), MIN(j.file_name)"
                    + " FROM ledger_posting p LEFT JOIN journal j ON j.journal_number = p.journal_number WHERE p.invoice_number = ?"
                    + " GROUP BY p.journal_number", row -> new Object[] {row.getObject(1), row.getInt(2),
                    row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant(), row.getString(4)}, number)) {
                // Not yet journaled: as of the invoice; journaled: when its journal was closed.
                Map<String, Object> journal = step(posting[2] != null ? (Instant) posting[2] : (Instant) invoice[6], "journal-posting",
                        "internal", posting[0] == null ? "posted" : "journaled");
                journal.put("invoiceNumber", number);
                journal.put("postings", posting[1]);
                ItemSummaries.putIfPresent(journal, "journalNumber", posting[0]);
                ItemSummaries.putIfPresent(journal, "journalFile", posting[3]);
                steps.add(journal);
                if (posting[3] != null) {
                    messageNames.add((String) posting[3]);
                }
            }
        }
        for (Object[] shipment : Rows.query(connection, "SELECT shipment_number, erp_order_number, tracking_number, received_at FROM shipment"
                + " WHERE source = ? AND order_id = ?", row -> new Object[] {row.getLong(1), row.getString(2), row.getString(3),
                Rows.instant(row, "received_at")}, key.source(), key.orderId())) {
            found = true;
            Map<String, Object> step = step((Instant) shipment[3], "shipped", "in", "shipped");
            step.put("shipmentNumber", shipment[0]);
            step.put("erpOrderNumber", shipment[1]);
            ItemSummaries.putIfPresent(step, "trackingNumber", shipment[2]);
            steps.add(step);
            messageNames.add("shipped:" + shipment[0]);
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < messageNames.size(); i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        List<Object> parameters = new ArrayList<>(messageNames);
        parameters.add("rejected:" + key.source() + ":" + key.orderId() + ":%");
        steps.addAll(Rows.query(connection, "SELECT id, route_id, kind, name, state, attempts, last_error, failure_id, created_at,"
                + " delivered_at FROM outbound_message WHERE name IN (" + in + ") OR name LIKE ? ORDER BY id", row -> {
                    Map<String, Object> s = step(row.getTimestamp("delivered_at") != null ? Rows.instant(row, "delivered_at")
                            : Rows.instant(row, "created_at"), "message", "out", row.getString("state"));
                    s.put("messageId", row.getLong("id"));
                    s.put("routeId", row.getString("route_id"));
                    s.put("messageKind", row.getString("kind"));
                    s.put("name", row.getString("name"));
                    s.put("attempts", row.getInt("attempts"));
                    ItemSummaries.putIfPresent(s, "lastError", row.getString("last_error"));
                    s.put("payload", "/admin/tracking/messages/" + row.getLong("id"));
                    long failure = row.getLong("failure_id");
                    s.put("actions", row.wasNull() ? List.of() : failureActions(failure));
                    if (!row.wasNull()) {
                        s.put("failureId", failure);
                    }
                    return s;
                }, parameters.toArray()));
        return found;
    }

    /** Open failures of the files the order came in (an administrator replays or discards them). */
    private static void failureSteps(Connection connection, Set<String> fileNames, List<Map<String, Object>> steps) throws SQLException {
        for (String fileName : fileNames) {
            steps.addAll(Rows.query(connection, "SELECT id, route_id, kind, problem, reason, state, created_at FROM failure"
                    + " WHERE file_name = ? ORDER BY id", row -> {
                        Map<String, Object> s = step(Rows.instant(row, "created_at"), "failure", "internal", row.getString("state"));
                        s.put("failureId", row.getLong("id"));
                        s.put("routeId", row.getString("route_id"));
                        s.put("problem", row.getString("problem"));
                        s.put("detail", row.getString("reason"));
                        s.put("actions", "open".equals(row.getString("state")) ? failureActions(row.getLong("id")) : List.of());
                        return s;
                    }, fileName));
        }
    }

    private static List<Map<String, Object>> failureActions(long failureId) {
        return List.of(action("replay", "POST", "/admin/failures/" + failureId + "/replay"),
                action("discard", "DELETE", "/admin/failures/" + failureId));
    }

    private static Map<String, Object> action(String name, String method, String href) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action", name);
        action.put("method", method);
        action.put("href", href);
        return action;
    }

    private static Map<String, Object> step(Instant at, String kind, String direction, String state) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("at", at);
        step.put("kind", kind);
        step.put("direction", direction);
        step.put("state", state);
        return step;
    }
}
