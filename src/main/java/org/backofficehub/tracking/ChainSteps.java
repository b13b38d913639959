package org.backofficehub.tracking;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.backofficehub.model.OrderKey;

/**
 * The steps of an order's chain that the hub records for its own work, read as they are: the
 * booking or stage and an ERP's confirmation, the invoice and its journal, the shipments, the
 * messages owed to accounting, the web store and partners (found by the names the follow-up gives
 * them), and the failures of the files the order came in, with what an operator can do about them.
 */
final class ChainSteps {

    private ChainSteps() {
    }

    /** Booked (or being booked), staged, confirmed by an ERP that numbers orders later. */
    static boolean bookingSteps(Connection connection, OrderKey key, List<Map<String, Object>> steps) throws SQLException {
        boolean found = false;
        for (Map<String, Object> step : Rows.query(connection, "SELECT state, erp_order_no, claimed_at, booked_at FROM order_booking"
                + " WHERE source = ? AND order_id = ?", row -> {
                    Map<String, Object> s = step(row.getTimestamp("booked_at") != null ? Rows.instant(row, "booked_at")
                            : Rows.instant(row, "claimed_at"), "BOOKED".equals(row.getString("state")) ? "booked" : "booking", "internal",
                            row.getString("state").toLowerCase(Locale.ROOT));
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
                            row.getString("status").toLowerCase(Locale.ROOT));
                    ItemSummaries.putIfPresent(s, "erpOrderNumber", row.getString("erp_order_number"));
                    ItemSummaries.putIfPresent(s, "detail", row.getString("message"));
                    return s;
                }, key.source(), key.orderId()));
        return found;
    }

    /** Invoice, journal, shipments, and every message owed to another system about the order. */
    static boolean backOfficeSteps(Connection connection, OrderKey key, List<Map<String, Object>> steps) throws SQLException {
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
    static void failureSteps(Connection connection, Set<String> fileNames, List<Map<String, Object>> steps) throws SQLException {
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

    static Map<String, Object> action(String name, String method, String href) {
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
