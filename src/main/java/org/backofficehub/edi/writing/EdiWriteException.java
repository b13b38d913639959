package org.backofficehub.edi.writing;

/**
 * The hub's EDI writer refused an outbound document (a value its standard does not allow): a defect
 * of the hub, never the partner's fault, and not one a retry mends. A full disk is an I/O failure instead.
 */
public final class EdiWriteException extends RuntimeException {

    public EdiWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
