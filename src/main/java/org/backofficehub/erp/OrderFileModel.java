package org.backofficehub.erp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;

/**
 * What an order file's layout (a FreeMarker template) sees: {@code order} with the header's
 * values, {@code lines} with each line's, under the names the booking statements use
 * ({@link OrderParameters}), and {@code reference}, the order's reference until the ERP numbers
 * it. Dates are ISO text (2026-11-23), amounts and quantities numbers; an absent value is no key,
 * so a layout writes {@code ${order.buyerPhone!}}. Name and reference follow from the order's key
 * alone, so an order written again is the same file with the same content.
 */
final class OrderFileModel {

    private OrderFileModel() {
    }

    /** {@code F-} and the first 12 hex digits of the key's SHA-256: short enough for any ERP's reference column. */
    static String reference(Order order) {
        return "F-" + HexFormat.of().formatHex(sha256(order.source() + '\u0000' + order.orderId())).substring(0, 12);
    }

    /**
     * {@code SOURCE_ORDERID_REFERENCE.extension}, with anything but letters, digits, '.' and '-' in
     * source and id as '_'. Always with the reference (the key's digest): the readable part alone is
     * ambiguous ('_' both separates and stands in for other characters, WEBSTORE + A_B against
     * WEBSTORE_A + B; and an ERP's share may ignore case, ABC against abc), and two orders sharing a
     * file would overwrite one another. The digest is lower-case hex, the same on any file system.
     */
    static String fileName(Order order, String extension) {
        return safe(order.source()) + "_" + safe(order.orderId()) + "_" + reference(order) + "." + extension;
    }

    static Map<String, Object> of(Order order, String reference, Instant receivedAt) {
        OrderParameters values = OrderParameters.of(order, reference, receivedAt);
        Map<String, Object> header = new LinkedHashMap<>();
        for (String name : new TreeSet<>(OrderParameters.HEADER)) {
            put(header, name, values.value(name));
        }
        List<Map<String, Object>> lines = new ArrayList<>(order.lines().size());
        for (OrderLine line : order.lines()) {
            OrderParameters lineValues = values.line(line);
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String name : new TreeSet<>(OrderParameters.LINE_OWN)) {
                put(fields, name, lineValues.value(name));
            }
            lines.add(fields);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reference", reference);
        model.put("order", header);
        model.put("lines", lines);
        return model;
    }

    private static void put(Map<String, Object> into, String name, Object value) {
        if (value instanceof LocalDate || value instanceof Instant) {
            into.put(name, value.toString());
        } else if (value != null) {
            into.put(name, value);
        }
    }

    private static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
