package org.backofficehub.customer;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.backofficehub.model.Address;

/**
 * An address as a blocking key: country, postal code and street with the usual abbreviations
 * ("Hauptstraße 5", "Hauptstr. 5", "Haupt Str 5" and "HAUPTSTRASSE 5" agree).
 */
final class AddressKeys {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("strasse", "str"), Map.entry("street", "st"), Map.entry("road", "rd"),
            Map.entry("avenue", "ave"), Map.entry("av", "ave"), Map.entry("boulevard", "blvd"), Map.entry("drive", "dr"),
            Map.entry("lane", "ln"), Map.entry("place", "pl"), Map.entry("platz", "pl"), Map.entry("square", "sq"),
            Map.entry("court", "ct"), Map.entry("highway", "hwy"), Map.entry("suite", "ste"), Map.entry("apartment", "apt"));

    private AddressKeys() {
    }

    /** Null unless the address has a street and a postal code: a city alone says too little. */
    static String key(Address address) {
        if (address == null) {
            return null;
        }
        String street = street(address.street());
        String postalCode = address.postalCode() == null ? "" : SPACES.matcher(address.postalCode()).replaceAll("").toUpperCase(Locale.ROOT);
        if (street == null || postalCode.isEmpty()) {
            return null;
        }
        String country = address.country() == null ? "" : address.country().trim().toUpperCase(Locale.ROOT);
        return country + "|" + postalCode + "|" + street;
    }

    static String street(String raw) {
        String folded = NameKeys.fold(raw);
        if (folded == null) {
            return null;
        }
        StringBuilder key = new StringBuilder(folded.length());
        for (String token : folded.split(" ")) {
            key.append(abbreviated(token));
        }
        return key.toString();
    }

    private static String abbreviated(String token) {
        String whole = ABBREVIATIONS.get(token);
        if (whole != null) {
            return whole;
        }
        // German streets glue the word on: "Friedrichstrasse" is "Friedrichstr".
        return token.endsWith("strasse") ? token.substring(0, token.length() - "strasse".length()) + "str" : token;
    }
}
