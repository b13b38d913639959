package org.backofficehub.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * A buyer or ship-to party as the channel described it; matching to a golden customer happens
 * later, in the customer master. {@code vatId} is the party's VAT identification number (EU format:
 * country prefix and number, {@code ATU12345678}) when the channel gave one (web order
 * {@code customer.vatId}, EDIFACT {@code RFF+VA}, X12 {@code REF*VX}): the invoice's tax depends on it.
 */
public record Party(String name, String email, String phone, Address address, PartyIdentifier identifier,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String vatId) {

    public Party {
        vatId = normalisedVatId(vatId);
    }

    public Party(String name, String email, String phone, Address address, PartyIdentifier identifier) {
        this(name, email, phone, address, identifier, null);
    }

    public Party(String name, String email, String phone, Address address) {
        this(name, email, phone, address, null, null);
    }

    /** The same party with this VAT id (null keeps none). */
    public Party withVatId(String vatId) {
        return new Party(name, email, phone, address, identifier, vatId);
    }

    /** As VAT ids are compared and printed: upper case, without the spaces, dots and dashes people write in them. */
    static String normalisedVatId(String vatId) {
        if (vatId == null) {
            return null;
        }
        String compact = vatId.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        return compact.isEmpty() ? null : compact;
    }
}
