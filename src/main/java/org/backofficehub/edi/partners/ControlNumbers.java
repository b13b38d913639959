package org.backofficehub.edi.partners;

/** Hands out control numbers per partner and kind, never the same one twice. */
public interface ControlNumbers {

    enum Kind { INTERCHANGE, GROUP, MESSAGE }

    /** Reserves {@code count} consecutive numbers and returns the first. */
    long reserve(String partnerId, Kind kind, int count);

    default long next(String partnerId, Kind kind) {
        return reserve(partnerId, kind, 1);
    }
}
