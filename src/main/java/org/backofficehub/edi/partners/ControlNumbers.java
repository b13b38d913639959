package org.backofficehub.edi.partners;

/**
 * Hands out control numbers per partner and kind, never the same one twice, and only to documents
 * that are sent: numbers taken for a document that could not be written are handed back.
 */
public interface ControlNumbers {

    enum Kind { INTERCHANGE, GROUP, MESSAGE }

    /** Reserves {@code count} consecutive numbers and returns the first. */
    long reserve(String partnerId, Kind kind, int count);

    default long next(String partnerId, Kind kind) {
        return reserve(partnerId, kind, 1);
    }

    /**
     * Hands back numbers reserved for a document that was not sent, if they are still the last
     * handed out for the partner and kind (nothing taken since, so none is ever used twice);
     * otherwise they stay unused. Whether they were handed back.
     */
    boolean release(String partnerId, Kind kind, long first, int count);
}
