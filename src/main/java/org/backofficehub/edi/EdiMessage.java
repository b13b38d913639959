package org.backofficehub.edi;

import java.util.List;

/**
 * One message (EDIFACT) or transaction set (X12) as read, with the syntax errors found in it.
 * {@code version} is the directory (D96A) or the X12 version (004010). Only one message is held
 * in memory at a time, so an interchange of any size streams through.
 */
public record EdiMessage(String type, String controlNumber, String version, String association, List<Segment> segments,
                         List<SyntaxError> errors) {

    public EdiMessage {
        segments = List.copyOf(segments);
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
