package org.backofficehub.tracking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.backofficehub.model.OrderKey;

/**
 * A tracked item's id, safe in a URL path whatever the order number holds (slashes, colons, a
 * stand-in partner's X12:ZZ:ID source): {@code o-} and the order key in base64url for an order's
 * chain, {@code d-} and the row id for a document that carries no order (an acknowledgement, a
 * file refused as a whole).
 */
public final class ItemIds {

    private static final char SEPARATOR = '\n';

    private ItemIds() {
    }

    public static String of(OrderKey key) {
        return "o-" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key.source() + SEPARATOR + key.orderId()).getBytes(StandardCharsets.UTF_8));
    }

    public static String ofDocument(long id) {
        return "d-" + id;
    }

    /** Where the item's timeline is read. */
    public static String href(String itemId) {
        return "/admin/tracking/items/" + itemId;
    }

    static Optional<OrderKey> order(String itemId) {
        if (itemId == null || !itemId.startsWith("o-")) {
            return Optional.empty();
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(itemId.substring(2)), StandardCharsets.UTF_8);
            int separator = key.indexOf(SEPARATOR);
            return separator <= 0 ? Optional.empty() : Optional.of(new OrderKey(key.substring(0, separator), key.substring(separator + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    static Optional<Long> document(String itemId) {
        if (itemId == null || !itemId.matches("d-[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(itemId.substring(2)));
    }
}
