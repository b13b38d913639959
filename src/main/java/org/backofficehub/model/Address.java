package org.backofficehub.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A postal address; {@code country} is the ISO 3166-1 alpha-2 code, {@code region} the state or
 * province where the country's addresses name one (X12 N402, EDIFACT NAD 3229).
 */
public record Address(String street, String city, String postalCode, String country,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String region) {

    public Address(String street, String city, String postalCode, String country) {
        this(street, city, postalCode, country, null);
    }
}
