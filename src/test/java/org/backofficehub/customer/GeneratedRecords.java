package org.backofficehub.customer;

import java.time.Instant;
import org.backofficehub.model.Address;
import org.backofficehub.model.PartyIdentifier;

/** Generated customers as the ERP export would deliver them. */
final class GeneratedRecords {

    static final Instant EXPORTED = Instant.parse("2026-11-01T00:00:00Z");

    private GeneratedRecords() {
    }

    static CustomerRecord erpRecord(CustomerDataGenerator.Generated g) {
        return new CustomerRecord("ERP", g.customerNumber(), Origin.ERP, g.name(), g.email(), g.phone(),
                new Address(g.street(), g.city(), g.postalCode(), g.country()),
                g.gln() == null ? null : new PartyIdentifier(PartyIdentifier.Scheme.GLN, g.gln()), EXPORTED);
    }
}
