package org.backofficehub.edi;

import java.util.List;

/**
 * A message the acknowledgement must mention: rejected for syntax errors, or refused by the
 * translator (then {@code reason} says why and there are no syntax errors). {@code notSupported}:
 * refused because the hub does not take this message type or version from the partner at all,
 * which acknowledgements say with the standard's own code (X12 AK5/IK5 1, EDIFACT UCM 14 at UNH).
 */
public record MessageVerdict(String type, String controlNumber, String version, String association,
                             List<SyntaxError> errors, String reason, boolean notSupported) {

    public MessageVerdict {
        errors = List.copyOf(errors);
    }

    public MessageVerdict(String type, String controlNumber, String version, String association, List<SyntaxError> errors,
                          String reason) {
        this(type, controlNumber, version, association, errors, reason, false);
    }
}
