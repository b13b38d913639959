package org.backofficehub.edi;

import java.util.List;

/**
 * One message (EDIFACT) or transaction set (X12) as read, with the syntax errors found in it.
 * {@code version} is the directory (D96A) or the X12 version (004010). Only one message is held
 * in memory at a time, so an interchange of any size streams through. {@code unreadable} says why
 * an engine that reports no positions (Smooks' BadMessage) could not read the message at all.
 */
public record EdiMessage(String type, String controlNumber, String version, String association, List<Segment> segments,
                         List<SyntaxError> errors, String unreadable) {

    public EdiMessage {
        segments = List.copyOf(segments);
        errors = List.copyOf(errors);
    }

    public EdiMessage(String type, String controlNumber, String version, String association, List<Segment> segments,
                      List<SyntaxError> errors) {
        this(type, controlNumber, version, association, segments, errors, null);
    }

    /** The same message with its segments, and the errors found once they were checked. */
    public EdiMessage withBody(List<Segment> body, List<SyntaxError> found) {
        return new EdiMessage(type, controlNumber, version, association, body, found, unreadable);
    }

    public boolean valid() {
        return errors.isEmpty() && unreadable == null;
    }
}
