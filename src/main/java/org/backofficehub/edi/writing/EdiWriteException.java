package org.backofficehub.edi.writing;

/** An outbound document could not be written: a defect or a full disk, never the partner's fault. */
public final class EdiWriteException extends RuntimeException {

    public EdiWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
