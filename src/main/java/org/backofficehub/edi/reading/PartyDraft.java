package org.backofficehub.edi.reading;

import static org.backofficehub.edi.reading.MessageReading.blankToNull;

import org.backofficehub.model.Address;
import org.backofficehub.model.Party;
import org.backofficehub.model.PartyIdentifier;

/** A buyer or ship-to party gathered from several segments (NAD/CTA/COM, N1/N3/N4/PER). */
final class PartyDraft {

    String name;
    String email;
    String phone;
    String street;
    String city;
    String postalCode;
    String country;
    PartyIdentifier identifier;

    PartyDraft(String name) {
        this.name = blankToNull(name);
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

    Party build() {
        Address address = street == null && city == null && postalCode == null && country == null
                ? null : new Address(street, city, postalCode, country);
        return new Party(name, email, phone, address, identifier);
    }
}
