package org.backofficehub.model;

/** A refusal that lifts by itself: the answer says when to try again (HTTP Retry-After). */
public class RetryLaterException extends InputRejectedException {

    private final long retryAfterSeconds;

    public RetryLaterException(ProblemType type, String detail, long retryAfterSeconds) {
        super(type, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
