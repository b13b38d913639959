package org.backofficehub.shop;

/** A platform's API answered a call with an error, or could not be reached; the call can be made again later. */
public final class PlatformCallException extends RuntimeException {

    private final int status;

    public PlatformCallException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, 0 when there was no answer. */
    public int status() {
        return status;
    }
}
