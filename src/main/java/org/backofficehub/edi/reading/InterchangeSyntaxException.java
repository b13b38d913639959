package org.backofficehub.edi.reading;

import org.backofficehub.edi.Envelope;

/**
 * The stream cannot be read on: a truncated file, delimiters that contradict the header, bytes
 * that are no EDI. {@code envelope} is the interchange that was being read, null if none started.
 */
public final class InterchangeSyntaxException extends Exception {

    private final Envelope envelope;
    private final String segmentTag;
    private final boolean truncated;

    public InterchangeSyntaxException(String message, Envelope envelope, String segmentTag, boolean truncated, Throwable cause) {
        super(message, cause);
        this.envelope = envelope;
        this.segmentTag = segmentTag;
        this.truncated = truncated;
    }

    /** The stream ended before the interchange did. */
    public boolean truncated() {
        return truncated;
    }

    public Envelope envelope() {
        return envelope;
    }

    public String segmentTag() {
        return segmentTag;
    }
}
