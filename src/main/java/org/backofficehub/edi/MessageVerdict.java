package org.backofficehub.edi;

import java.util.List;

/**
 * A message the acknowledgement must mention: rejected for syntax errors, or refused without any
 * (then {@code reason} says why and {@code refusal} which kind of refusal it is, for the standard's code).
 */
public record MessageVerdict(String type, String controlNumber, String version, String association,
                             List<SyntaxError> errors, String reason, Refusal refusal) {

    /** Why a message is refused, as the acknowledgement's codes tell it. */
    public enum Refusal {
        /** Not written as its standard says: the errors point at segments and elements. */
        SYNTAX,
        /** A message type the hub receives from no one (X12 AK5 1; CONTRL UCM 14 at UNH's message type). */
        TYPE_NOT_SUPPORTED,
        /** A message type the partner's profile does not list (X12 AK5 1; CONTRL UCM 17, no agreement). */
        TYPE_NOT_AGREED,
        /** A message version the hub has no guide for (X12 AK5 1; CONTRL UCM 14 at UNH's version). */
        VERSION_NOT_SUPPORTED,
        /** Refused for something else, e.g. what it says, or unreadable to an engine that reports no positions (AK5 5; UCM 18). */
        OTHER
    }

    public MessageVerdict {
        errors = List.copyOf(errors);
        if (refusal == null) {
            refusal = errors.isEmpty() ? Refusal.OTHER : Refusal.SYNTAX;
        }
    }

    /** A message rejected for its syntax errors, or (with none) for the reason given. */
    public MessageVerdict(String type, String controlNumber, String version, String association, List<SyntaxError> errors,
                          String reason) {
        this(type, controlNumber, version, association, errors, reason, null);
    }
}
