package org.backofficehub.model;

/** A postal address; {@code country} is the ISO 3166-1 alpha-2 code. */
public record Address(String street, String city, String postalCode, String country) {
}
