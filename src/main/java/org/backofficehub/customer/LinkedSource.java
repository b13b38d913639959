package org.backofficehub.customer;

import java.time.Instant;

/** A source record as stored: the record, its keys, and the customer it is linked to and why. */
record LinkedSource(long id, long customerId, CustomerRecord record, MatchProfile profile, MatchRule rule,
                    Long matchedSource, String contentHash, Instant linkedAt) {

    LinkedSource relinked(long newCustomerId) {
        return new LinkedSource(id, newCustomerId, record, profile, rule, matchedSource, contentHash, linkedAt);
    }
}
