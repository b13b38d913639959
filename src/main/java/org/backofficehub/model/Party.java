package org.backofficehub.model;

/**
 * A buyer or ship-to party as the channel described it; matching to a golden customer happens
 * later, in the customer master.
 */
public record Party(String name, String email, String phone, Address address, PartyIdentifier identifier) {

    public Party(String name, String email, String phone, Address address) {
        this(name, email, phone, address, null);
    }
}
