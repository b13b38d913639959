package org.backofficehub.tracking;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.backofficehub.model.OrderKey;
import org.backofficehub.store.HubStoreException;

/**
 * Finds tracked items: the orders whose chain matches (found through every table that names an
 * order: bookings, the stage, tracked documents, invoices, shipments, the ERP's confirmations, the
 * customer master's history) and the documents that carry no order (acknowledgements, files
 * refused as a whole). Each filter narrows the result; {@code q} matches any identifier.
 */
public final class TrackingSearch {

    private final DataSource hubStore;
    private final ItemSummaries summaries;

    public TrackingSearch(DataSource hubStore) {
        this.hubStore = hubStore;
        this.summaries = new ItemSummaries();
    }

    public List<Map<String, Object>> search(TrackingQuery query) {
        try (Connection connection = hubStore.getConnection()) {
            connection.setReadOnly(true);
            List<Map<String, Object>> items = new ArrayList<>();
            for (OrderKey key : orders(connection, query)) {
                Map<String, Object> item = summaries.order(connection, key);
                if (matches(item, query)) {
                    items.add(item);
                }
                if (items.size() >= query.limit()) {
                    return items;
                }
            }
            if (query.customer() == null && query.orderId() == null) {
                for (Map<String, Object> document : documentsWithoutOrders(connection, query)) {
                    if (items.size() >= query.limit()) {
                        break;
                    }
                    items.add(document);
                }
            }
            return items;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot search tracked items: " + e.getMessage(), e);
        }
    }

    /** The order keys each identifier names, intersected; without one, the latest orders. */
    private Set<OrderKey> orders(Connection connection, TrackingQuery query) throws SQLException {
        Set<OrderKey> found = null;
        if (query.q() != null) {
            found = narrow(found, anyIdentifier(connection, query.q()));
        }
        if (query.orderId() != null) {
            Set<OrderKey> keys = new LinkedHashSet<>();
            keys.addAll(keys(connection, "SELECT source, order_id FROM order_booking WHERE order_id = ?", query.orderId()));
            keys.addAll(keys(connection, "SELECT source, order_id FROM staged_order WHERE order_id = ?", query.orderId()));
            keys.addAll(keys(connection, "SELECT DISTINCT source, order_id FROM tracked_order WHERE order_id = ?", query.orderId()));
            found = narrow(found, keys);
        }
        if (query.controlNumber() != null) {
            found = narrow(found, keys(connection, "SELECT DISTINCT o.source, o.order_id FROM tracked_order o"
                    + " JOIN tracked_document d ON d.id = o.document_id WHERE d.control_number = ?", query.controlNumber()));
        }
        if (query.fileName() != null) {
            found = narrow(found, keys(connection, "SELECT DISTINCT o.source, o.order_id FROM tracked_order o"
                            + " JOIN tracked_document d ON d.id = o.document_id WHERE d.file_name = ? OR d.archived_as IN (?, ?)",
                    query.fileName(), "done/" + query.fileName(), "error/" + query.fileName()));
        }
        if (query.customer() != null) {
            found = narrow(found, customerOrders(connection, query.customer()));
        }
        if (found != null) {
            return found;
        }
        // No identifier: the orders of the latest documents received (of the partner, in the period, if given),
        // newest first, read by tracked_document's id and created_at indexes rather than by scanning the bookings.
        StringBuilder sql = new StringBuilder("SELECT o.source, o.order_id FROM tracked_document d JOIN tracked_order o ON o.document_id = d.id"
                + " WHERE d.direction = 'in'");
        List<Object> parameters = new ArrayList<>();
        if (query.partner() != null) {
            sql.append(" AND (d.partner_id = ? OR o.source = ?)");
            parameters.add(query.partner());
            parameters.add(query.partner());
        }
        period(query, sql, parameters);
        sql.append(" ORDER BY d.id DESC FETCH FIRST ").append(Math.max(query.limit() * 4, 100)).append(" ROWS ONLY");
        Set<OrderKey> latest = new LinkedHashSet<>(keys(connection, sql.toString(), parameters.toArray()));
        latest.addAll(keys(connection, "SELECT source, order_id FROM staged_order ORDER BY id DESC FETCH FIRST "
                + Math.max(query.limit(), 50) + " ROWS ONLY"));
        return latest;
    }

    private static Set<OrderKey> anyIdentifier(Connection connection, String q) throws SQLException {
        Set<OrderKey> keys = new LinkedHashSet<>();
        keys.addAll(keys(connection, "SELECT source, order_id FROM order_booking WHERE order_id = ? OR erp_order_no = ?", q, q));
        keys.addAll(keys(connection, "SELECT source, order_id FROM staged_order WHERE order_id = ? OR tracking_id = ?", q, q));
        keys.addAll(keys(connection, "SELECT DISTINCT source, order_id FROM tracked_order WHERE order_id = ?", q));
        keys.addAll(keys(connection, "SELECT DISTINCT o.source, o.order_id FROM tracked_order o JOIN tracked_document d ON d.id = o.document_id"
                + " WHERE d.control_number = ? OR d.file_name = ? OR d.archived_as IN (?, ?)", q, q, "done/" + q, "error/" + q));
        keys.addAll(keys(connection, "SELECT source, order_id FROM invoice WHERE invoice_number = ?", q));
        keys.addAll(keys(connection, "SELECT source, order_id FROM shipment WHERE tracking_number = ?", q));
        keys.addAll(keys(connection, "SELECT source, order_id FROM erp_confirmation WHERE erp_order_number = ?", q));
        if (q.matches("[0-9]{1,18}")) {
            keys.addAll(keys(connection, "SELECT source, order_id FROM shipment WHERE shipment_number = ?", Long.parseLong(q)));
        }
        // A partner's acknowledgement (its interchange's control number) leads to the documents of ours it reconciled, and their orders.
        keys.addAll(keys(connection, "SELECT DISTINCT o.source, o.order_id FROM edi_interchange e JOIN tracked_document d"
                + " ON d.direction = 'out' AND d.partner_id = e.partner_id AND d.control_number = e.control_number"
                + " JOIN tracked_order o ON o.document_id = d.id WHERE e.direction = 'out' AND e.ack_interchange = ?", q));
        // An acknowledgement of ours (its control number) leads to the interchange it acknowledged, and so to its orders.
        keys.addAll(keys(connection, "SELECT DISTINCT o.source, o.order_id FROM tracked_order o JOIN tracked_document d ON d.id = o.document_id"
                + " JOIN tracked_document ack ON ack.partner_id = d.partner_id AND ack.in_reply_to = d.control_number"
                + " WHERE ack.control_number = ? AND d.direction = 'in'", q));
        return keys;
    }

    /** Orders in the customer master's history of the customers a name, e-mail address or id finds. */
    private static Set<OrderKey> customerOrders(Connection connection, String customer) throws SQLException {
        List<String> references;
        if (customer.matches("[0-9]{1,18}")) {
            references = Rows.query(connection, "SELECT e.reference FROM customer_event e WHERE e.kind = 'order' AND e.customer_id IN"
                    + " (SELECT id FROM customer WHERE id = ? OR merged_into = ?)", row -> row.getString(1), Long.parseLong(customer),
                    Long.parseLong(customer));
        } else {
            String lower = customer.toLowerCase(Locale.ROOT);
            references = Rows.query(connection, "SELECT e.reference FROM customer_event e JOIN customer c ON c.id = e.customer_id"
                            + " WHERE e.kind = 'order' AND (LOWER(c.email) = ? OR LOWER(c.name) LIKE ?)", row -> row.getString(1),
                    lower, "%" + lower.replace("%", "").replace("_", "") + "%");
        }
        Set<OrderKey> keys = new LinkedHashSet<>();
        for (String reference : references) {
            int slash = reference == null ? -1 : reference.indexOf('/');
            if (slash > 0) {
                keys.add(new OrderKey(reference.substring(0, slash), reference.substring(slash + 1)));
            }
        }
        return keys;
    }

    private static boolean matches(Map<String, Object> item, TrackingQuery query) {
        if (query.partner() != null && !query.partner().equals(item.get("source")) && !query.partner().equals(item.get("partner"))) {
            return false;
        }
        Instant seen = (Instant) item.get("firstSeenAt");
        if (query.from() != null && (seen == null || seen.isBefore(query.from()))) {
            return false;
        }
        if (query.to() != null && (seen == null || !seen.isBefore(query.to()))) {
            return false;
        }
        return query.state() == null || query.state().equals(item.get("state"));
    }

    /** Tracked documents that carry no order, matching the filters, newest first. */
    private List<Map<String, Object>> documentsWithoutOrders(Connection connection, TrackingQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + ItemSummaries.DOCUMENT_COLUMNS + " FROM tracked_document d"
                + " WHERE NOT EXISTS (SELECT 1 FROM tracked_order o WHERE o.document_id = d.id)");
        List<Object> parameters = new ArrayList<>();
        if (query.q() != null) {
            sql.append(" AND (d.control_number = ? OR d.file_name = ? OR d.archived_as IN (?, ?))");
            parameters.addAll(List.of(query.q(), query.q(), "done/" + query.q(), "error/" + query.q()));
        }
        if (query.controlNumber() != null) {
            sql.append(" AND d.control_number = ?");
            parameters.add(query.controlNumber());
        }
        if (query.fileName() != null) {
            sql.append(" AND (d.file_name = ? OR d.archived_as IN (?, ?))");
            parameters.addAll(List.of(query.fileName(), "done/" + query.fileName(), "error/" + query.fileName()));
        }
        if (query.partner() != null) {
            sql.append(" AND d.partner_id = ?");
            parameters.add(query.partner());
        }
        period(query, sql, parameters);
        if (query.state() != null) {
            sql.append(" AND d.state = ?");
            parameters.add(query.state());
        }
        sql.append(" ORDER BY d.id DESC FETCH FIRST ").append(query.limit()).append(" ROWS ONLY");
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Map<String, Object> document : Rows.query(connection, sql.toString(), ItemSummaries::document, parameters.toArray())) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("itemId", ItemIds.ofDocument((Long) document.get("documentId")));
            item.put("href", ItemIds.href(ItemIds.ofDocument((Long) document.get("documentId"))));
            item.put("kind", "document");
            item.put("state", document.get("state"));
            item.put("partner", document.get("partner"));
            item.put("firstSeenAt", document.get("at"));
            item.put("documents", List.of(document));
            documents.add(item);
        }
        return documents;
    }

    private static Set<OrderKey> narrow(Set<OrderKey> found, Set<OrderKey> these) {
        if (found == null) {
            return these;
        }
        found.retainAll(these);
        return found;
    }

    private static Set<OrderKey> keys(Connection connection, String sql, Object... parameters) throws SQLException {
        return new LinkedHashSet<>(Rows.query(connection, sql, row -> new OrderKey(row.getString(1), row.getString(2)), parameters));
    }

    /** The documents first seen in the query's period, if it has one. */
    private static void period(TrackingQuery query, StringBuilder sql, List<Object> parameters) {
        if (query.from() != null) {
            sql.append(" AND d.created_at >= ?");
            parameters.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" AND d.created_at < ?");
            parameters.add(query.to());
        }
    }
}
