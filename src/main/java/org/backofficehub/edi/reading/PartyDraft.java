package org.backofficehub.edi.reading;

import static org.backofficehub.edi.reading.MessageReading.blankToNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.backofficehub.model.Address;
import org.backofficehub.model.Party;
import org.backofficehub.model.PartyIdentifier;

/** A party gathered from several segments (NAD/CTA/COM, N1/N2/N3/N4/PER). */
final class PartyDraft {

    /** ISO 3166 alpha-2 country codes by their alpha-3. */
    private static final Map<String, String> ALPHA_3 = Arrays.stream(Locale.getISOCountries())
            .collect(Collectors.toUnmodifiableMap(code -> new Locale("", code).getISO3Country(), code -> code));

    String name;
    String email;
    String phone;
    String street;
    String city;
    String postalCode;
    String country;
    String region;
    PartyIdentifier identifier;

    PartyDraft(String name) {
        this.name = blankToNull(name);
    }

    /** A further name line (X12 N2): part of the name the documents print. */
    void moreName(String more) {
        String extra = blankToNull(more);
        if (extra != null) {
            name = name == null ? extra : name + " " + extra;
        }
    }

    /** A communication number; the first e-mail (EM) and telephone (TE) win, others are ignored. */
    void contact(String channel, String number) {
        switch (channel) {
            case "EM" -> email = email == null ? blankToNull(number) : email;
            case "TE" -> phone = phone == null ? blankToNull(number) : phone;
            default -> {
            }
        }
    }

    /** Contacts given apart from this party (a header PER before its N1) where it has none of its own. */
    void contactsFrom(PartyDraft other) {
        email = email != null ? email : other.email;
        phone = phone != null ? phone : other.phone;
    }

    /**
     * The canonical address's country is ISO 3166 alpha-2; X12's N404 may be written alpha-3 (its
     * code source is ISO 3166, 2 or 3 characters: Dunham's writes USA), read here as its alpha-2.
     * Anything else stays as sent.
     */
    static String alpha2(String country) {
        return country == null ? null : ALPHA_3.getOrDefault(country.toUpperCase(Locale.ROOT), country);
    }

    Party build() {
        if (name == null && identifier != null) {
            name = identifier.value(); // N1*BY**92*1234: a party known only by its id is named by it
        }
        Address address = street == null && city == null && postalCode == null && country == null && region == null
                ? null : new Address(street, city, postalCode, alpha2(country), region);
        return new Party(name, email, phone, address, identifier);
    }
}
