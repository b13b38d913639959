package org.backofficehub.model;

/**
 * Every way the hub refuses an input, with the HTTP status it maps to. The slug is stable: it
 * appears in problem bodies (RFC 7807 {@code type}), reason files and logs, so operators can grep it.
 */
public enum ProblemType {
    MALFORMED_DOCUMENT(400, "Malformed document"),
    SCHEMA_VIOLATION(400, "Document violates its schema"),
    UNSUPPORTED_FORMAT(415, "Unsupported document format"),
    INPUT_TOO_LARGE(413, "Input too large"),
    UNKNOWN_SKU(422, "Unknown SKU"),
    ORDER_INCOMPLETE(422, "Order incomplete"),
    UNIT_NOT_SOLD(422, "Unit of measure not sold"),
    INSUFFICIENT_STOCK(422, "Insufficient stock"),
    AMOUNT_PRECISION(422, "Quantity or price beyond what the ERP holds"),
    /** The ERP's database refused the order's values (a value too long for its column, a constraint). */
    ERP_REFUSED(422, "ERP refused the order"),
    DUPLICATE_INPUT(409, "Duplicate input"),
    BOOKING_IN_PROGRESS(409, "Booking in progress"),
    ORDER_NOT_FOUND(404, "Order not found"),
    NOT_FOUND(404, "Not found"),
    INVALID_REQUEST(400, "Invalid request"),
    UNAUTHORIZED(401, "Authentication required"),
    /** Signed in, but the user's roles do not cover the request. */
    FORBIDDEN(403, "Forbidden"),
    /** A state change from a page of another origin (cross-site request forgery), or in a form's body type. */
    CROSS_ORIGIN_REFUSED(403, "Cross-origin request refused"),
    TOO_MANY_SIGN_IN_FAILURES(429, "Too many failed sign-ins"),
    INVALID_SIGNATURE(401, "Invalid signature"),
    ALREADY_RESOLVED(409, "Already resolved"),
    NOT_INVOICED(409, "Not invoiced yet"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    REQUEST_TIMEOUT(408, "Request timeout"),
    URI_TOO_LONG(414, "Request line too long"),
    HEADERS_TOO_LARGE(431, "Request headers too large"),
    EMPTY_FILE(400, "Empty file"),
    NOT_A_REGULAR_FILE(400, "Not a regular file"),
    NOTHING_TO_REPLAY(409, "Nothing to replay"),
    NOTHING_TO_RESEND(409, "Nothing to resend"),
    /** Work that runs once among several hubs (a drain, the journal), asked of an instance that does not lead. */
    NOT_THE_LEADER(409, "Not the leading hub instance"),
    /** Such work asked of a follower, which would forward it to the leader: none is seen leading, or it cannot be reached. */
    LEADER_UNAVAILABLE(503, "Leading hub instance unavailable"),
    /** Such work forwarded to the leader, which did not answer in time: it may still be running there. */
    LEADER_TIMED_OUT(504, "Leading hub instance did not answer in time"),
    EDI_REJECTED(422, "EDI interchange or message rejected");

    private final int httpStatus;
    private final String title;

    ProblemType(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String uri() {
        return "urn:backoffice-hub:problem:" + slug();
    }
}
