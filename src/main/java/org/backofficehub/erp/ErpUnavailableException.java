package org.backofficehub.erp;

/** The ERP could not be reached or refused a statement for a technical reason; worth retrying. */
public class ErpUnavailableException extends RuntimeException {

    public ErpUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
