package org.backofficehub.customer;

import java.time.Instant;
import java.util.Objects;
import org.backofficehub.model.Address;
import org.backofficehub.model.PartyIdentifier;

/**
 * A customer as one source system knows it: an order's buyer, a row of the ERP customer master.
 * {@code (system, sourceKey)} identifies the record, so delivering it again changes nothing.
 * {@code observedAt} comes from the input itself (order date, ERP creation date), never from the
 * clock, so that replays in any order give the same golden record.
 */
public record CustomerRecord(
        String system,
        String sourceKey,
        Origin origin,
        String name,
        String email,
        String phone,
        Address address,
        PartyIdentifier identifier,
        Instant observedAt) {

    public CustomerRecord {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    SourceRef ref() {
        return new SourceRef(system, sourceKey);
    }

    /** Identifies a source record. */
    record SourceRef(String system, String sourceKey) {
    }
}
