package org.backofficehub.model;

/** A buyer or ship-to party as the channel described it; matching to a golden customer happens later. */
public record Party(String name, String email, String phone, Address address) {
}
