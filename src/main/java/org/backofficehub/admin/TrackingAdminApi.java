package org.backofficehub.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.api.JsonReply;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.tracking.DocumentResending;
import org.backofficehub.tracking.OverdueAcknowledgements;
import org.backofficehub.tracking.PayloadDownloads;
import org.backofficehub.tracking.Timelines;
import org.backofficehub.tracking.TrackingQuery;
import org.backofficehub.tracking.TrackingRetention;
import org.backofficehub.tracking.TrackingSearch;
import org.backofficehub.util.Texts;

/**
 * The tracking API under /admin/tracking: search tracked items by any identifier, open one's
 * timeline, download a payload, resend a document under a new control number, list the overdue
 * acknowledgements, and clean up past retention now. Query parameters are checked before anything
 * reads the store (400 invalid-request).
 */
public final class TrackingAdminApi {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    private static final int MAX_IDENTIFIER = 255;

    private final TrackingSearch search;
    private final Timelines timelines;
    private final PayloadDownloads downloads;
    private final DocumentResending resending;
    private final OverdueAcknowledgements overdue;
    private final TrackingRetention retention;
    private final ObjectMapper json;

    public TrackingAdminApi(TrackingSearch search, Timelines timelines, PayloadDownloads downloads, DocumentResending resending,
                            OverdueAcknowledgements overdue, TrackingRetention retention, ObjectMapper json) {
        this.search = search;
        this.timelines = timelines;
        this.downloads = downloads;
        this.resending = resending;
        this.overdue = overdue;
        this.retention = retention;
        this.json = json;
    }

    /** GET /admin/tracking?q=&orderId=&documentNumber=&partner=&controlNumber=&customer=&fileName=&from=&to=&state=&limit= */
    public void search(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String orderId = identifier(message, "orderId");
        String documentNumber = identifier(message, "documentNumber");
        if (orderId != null && documentNumber != null && !orderId.equals(documentNumber)) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "orderId and documentNumber name the same thing; give one");
        }
        Instant from = instant(message, "from", false);
        Instant to = instant(message, "to", true);
        // A date for to means its whole day: from 2026-11-24 to 2026-11-23 is refused, to 2026-11-24 taken.
        if (from != null && to != null && from.isAfter(instant(message, "to", false))) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "from (" + text(message, "from") + ") is after to ("
                    + text(message, "to") + ")");
        }
        String state = text(message, "state");
        if (state != null && !TrackingQuery.STATES.contains(state.toLowerCase(java.util.Locale.ROOT))) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "state must be one of " + TrackingQuery.STATES.stream().sorted().toList()
                    + ", not '" + Texts.clip(state, 24) + "'");
        }
        TrackingQuery query = new TrackingQuery(identifier(message, "q"), orderId != null ? orderId : documentNumber,
                identifier(message, "partner"), identifier(message, "controlNumber"), identifier(message, "customer"),
                identifier(message, "fileName"), from, to, state, limit(message));
        List<Map<String, Object>> items = search.search(query);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("count", items.size());
        reply.put("items", items);
        JsonReply.write(message, 200, json.writeValueAsBytes(reply));
    }

    /** GET /admin/tracking/{itemId}: the item's timeline. */
    public void show(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String itemId = message.getHeader("itemId", String.class);
        Map<String, Object> item = timelines.item(itemId).orElseThrow(() -> new InputRejectedException(ProblemType.NOT_FOUND,
                "No tracked item '" + Texts.clip(itemId, 80) + "'"));
        JsonReply.write(message, 200, json.writeValueAsBytes(item));
    }

    /** GET /admin/tracking/payloads/{hash}: the bytes, shown in the browser, or saved with ?download=true. */
    public void payload(Exchange exchange) {
        Message message = exchange.getMessage();
        String hash = message.getHeader("hash", String.class);
        boolean download = download(message);
        PayloadDownloads.Download found = downloads.payload(hash).orElseThrow(() -> new InputRejectedException(ProblemType.NOT_FOUND,
                "No payload '" + Texts.clip(hash, 80) + "' (never stored, or removed after hub.tracking.retention)"));
        reply(message, found, download);
    }

    /** GET /admin/tracking/messages/{messageId}: what was owed to accounting, the web store or a partner, as queued. */
    public void message(Exchange exchange) {
        Message message = exchange.getMessage();
        long id = number(message.getHeader("messageId", String.class), "messageId");
        boolean download = download(message);
        PayloadDownloads.Download found = downloads.message(id).orElseThrow(() -> new InputRejectedException(ProblemType.NOT_FOUND,
                "No message " + id));
        reply(message, found, download);
    }

    /** POST /admin/tracking/documents/{documentId}/resend: 201 with the new control number. */
    public void resend(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        long id = number(message.getHeader("documentId", String.class), "documentId");
        JsonReply.write(message, 201, json.writeValueAsBytes(resending.resend(id)));
    }

    /** GET /admin/tracking/overdue-acknowledgements?partner=&limit= */
    public void overdue(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String partner = identifier(message, "partner");
        int limit = limit(message);
        List<Map<String, Object>> documents = overdue.list(partner, limit);
        Map<String, Long> counts = overdue.countByPartner();
        if (partner != null) {
            counts.keySet().retainAll(List.of(partner));
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("count", counts.values().stream().mapToLong(Long::longValue).sum());
        reply.put("byPartner", counts);
        reply.put("documents", documents);
        JsonReply.write(message, 200, json.writeValueAsBytes(reply));
    }

    /** POST /admin/tracking/retention: the clean-up its schedule runs, now. */
    public void cleanUp(Exchange exchange) throws IOException {
        JsonReply.write(exchange.getMessage(), 200, json.writeValueAsBytes(retention.clean()));
    }

    private static void reply(Message message, PayloadDownloads.Download found, boolean download) {
        JsonReply.write(message, 200, found.contentType(), found.content());
        String fileName = found.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        message.setHeader("Content-Disposition", (download ? "attachment" : "inline") + "; filename=\"" + fileName + "\"");
    }

    private static boolean download(Message message) {
        String value = text(message, "download");
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InputRejectedException(ProblemType.INVALID_REQUEST, "download must be true or false, not '" + Texts.clip(value, 24) + "'");
    }

    private static int limit(Message message) {
        String value = text(message, "limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        long limit = number(value, "limit");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return (int) limit;
    }

    private static long number(String value, String what) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "The " + what + " must be a number, not '"
                    + Texts.clip(String.valueOf(value), 24) + "'");
        }
    }

    /** A date (2026-11-23: the day's start, or for {@code to} the day's end) or an instant (2026-11-23T10:00:00Z). */
    private static Instant instant(Message message, String name, boolean endOfDay) {
        String value = text(message, name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, name + " '" + Texts.clip(value, 40)
                    + "' is not a date like 2026-11-23 nor an instant like 2026-11-23T10:00:00Z");
        }
    }

    private static String identifier(Message message, String name) {
        String value = text(message, name);
        if (value != null && value.length() > MAX_IDENTIFIER) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, name + " is longer than " + MAX_IDENTIFIER + " characters");
        }
        return value;
    }

    private static String text(Message message, String name) {
        String value = message.getHeader(name, String.class);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
