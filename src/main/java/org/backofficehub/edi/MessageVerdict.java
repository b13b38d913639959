package org.backofficehub.edi;

import java.util.List;

/**
 * A message the acknowledgement must mention: rejected for syntax errors, or refused by the
 * translator (then {@code reason} says why and there are no syntax errors).
 */
public record MessageVerdict(String type, String controlNumber, String version, String association,
                             List<SyntaxError> errors, String reason) {

    public MessageVerdict {
        errors = List.copyOf(errors);
    }
}
