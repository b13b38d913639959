package org.backofficehub.tracking;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backofficehub.model.OrderKey;

/**
 * An order's chain in brief, as a search lists it: where it stands (booked, being booked, staged,
 * or refused: received but never booked), its ERP number, when the hub first saw it, and the
 * documents that carry it.
 */
final class ItemSummaries {

    static final String DOCUMENT_COLUMNS = "d.id, d.direction, d.kind, d.channel, d.partner_id, d.document_type, d.control_number,"
            + " d.in_reply_to, d.resend_of, d.file_name, d.archived_as, d.state, d.detail, d.content_type, d.payload_hash, d.payload_size,"
            + " d.created_at";

    Map<String, Object> order(Connection connection, OrderKey key) throws SQLException {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("itemId", ItemIds.of(key));
        item.put("href", ItemIds.href(ItemIds.of(key)));
        item.put("kind", "order");
        item.put("source", key.source());
        item.put("orderId", key.orderId());
        List<Object[]> booking = Rows.query(connection, "SELECT state, erp_order_no, claimed_at, booked_at FROM order_booking"
                + " WHERE source = ? AND order_id = ?", row -> new Object[] {row.getString(1), row.getString(2),
                Rows.instant(row, "claimed_at"), Rows.instant(row, "booked_at")}, key.source(), key.orderId());
        List<Instant> staged = Rows.query(connection, "SELECT staged_at FROM staged_order WHERE source = ? AND order_id = ?",
                row -> Rows.instant(row, "staged_at"), key.source(), key.orderId());
        List<Map<String, Object>> documents = documentsOf(connection, key);
        Instant firstSeen = null;
        String state;
        if (!booking.isEmpty()) {
            Object[] row = booking.get(0);
            state = "BOOKED".equals(row[0]) ? "booked" : "claimed";
            item.put("erpOrderNumber", row[1]);
            firstSeen = (Instant) row[2];
        } else if (!staged.isEmpty()) {
            state = "staged";
            firstSeen = staged.get(0);
        } else {
            state = "refused";
        }
        for (Map<String, Object> document : documents) {
            Instant at = (Instant) document.get("at");
            if ("in".equals(document.get("direction")) && (firstSeen == null || at.isBefore(firstSeen))) {
                firstSeen = at;
            }
            if (document.get("partner") != null && "in".equals(document.get("direction"))) {
                item.putIfAbsent("partner", document.get("partner"));
            }
        }
        item.put("state", state);
        item.put("firstSeenAt", firstSeen);
        item.put("documents", documents);
        return item;
    }

    /** The tracked documents that carry the order, oldest first. */
    static List<Map<String, Object>> documentsOf(Connection connection, OrderKey key) throws SQLException {
        return Rows.query(connection, "SELECT " + DOCUMENT_COLUMNS + " FROM tracked_document d JOIN tracked_order o ON o.document_id = d.id"
                + " WHERE o.source = ? AND o.order_id = ? ORDER BY d.id", ItemSummaries::document, key.source(), key.orderId());
    }

    static Map<String, Object> document(ResultSet row) throws SQLException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("documentId", row.getLong("id"));
        document.put("direction", row.getString("direction"));
        document.put("kind", row.getString("kind"));
        document.put("channel", row.getString("channel"));
        putIfPresent(document, "partner", row.getString("partner_id"));
        putIfPresent(document, "documentType", row.getString("document_type"));
        putIfPresent(document, "controlNumber", row.getString("control_number"));
        putIfPresent(document, "inReplyTo", row.getString("in_reply_to"));
        putIfPresent(document, "resendOf", row.getString("resend_of"));
        putIfPresent(document, "fileName", row.getString("file_name"));
        putIfPresent(document, "archivedAs", row.getString("archived_as"));
        document.put("state", row.getString("state"));
        putIfPresent(document, "detail", row.getString("detail"));
        putIfPresent(document, "contentType", row.getString("content_type"));
        String hash = row.getString("payload_hash");
        if (hash != null) {
            document.put("payloadHash", hash);
            document.put("payloadSize", row.getLong("payload_size"));
            document.put("payload", "/admin/tracking/payloads/" + hash);
        }
        document.put("at", Rows.instant(row, "created_at"));
        return document;
    }

    static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
