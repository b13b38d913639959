package org.backofficehub.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backofficehub.model.PartyIdentifier;

/**
 * A record's normalised keys. Each key is also a blocking key: only records sharing one are ever
 * compared, which keeps matching linear in the number of records.
 */
record MatchProfile(String emailKey, String phoneKey, String idKey, String addressKey, String nameKey, String sortedName) {

    static MatchProfile of(CustomerRecord record, String defaultRegion) {
        String country = record.address() == null ? null : record.address().country();
        String nameKey = NameKeys.name(record.name());
        return new MatchProfile(
                ContactKeys.email(record.email()),
                ContactKeys.phone(record.phone(), country, defaultRegion),
                idKey(record.system(), record.identifier()),
                AddressKeys.key(record.address()),
                nameKey,
                nameKey == null ? null : NameKeys.sortedTokens(nameKey));
    }

    /** GLN, DUNS and SAN are global; a buyer-assigned or mutually defined number only means something to that partner. */
    static String idKey(String system, PartyIdentifier identifier) {
        if (identifier == null) {
            return null;
        }
        String value = identifier.value().trim().toUpperCase(Locale.ROOT);
        return switch (identifier.scheme()) {
            case GLN -> "gln:" + value;
            case DUNS -> "duns:" + value.replace("-", "");
            case SELLER_ASSIGNED -> "erp:" + value;
            case SAN -> "san:" + value.replace("-", "");
            case BUYER_ASSIGNED, MUTUALLY_DEFINED -> "buyer:" + system.toUpperCase(Locale.ROOT) + ":" + value;
        };
    }

    /** Every blocking key, prefixed by its kind so that equal strings of different kinds never meet. */
    List<String> blockingKeys() {
        List<String> keys = new ArrayList<>(4);
        if (idKey != null) {
            keys.add("i " + idKey);
        }
        if (emailKey != null) {
            keys.add("e " + emailKey);
        }
        if (phoneKey != null) {
            keys.add("p " + phoneKey);
        }
        if (addressKey != null) {
            keys.add("a " + addressKey);
        }
        return keys;
    }
}
