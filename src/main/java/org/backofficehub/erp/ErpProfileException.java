package org.backofficehub.erp;

/** An ERP profile that cannot work: a statement or setting missing, unknown or wrongly written. Not worth retrying. */
public class ErpProfileException extends RuntimeException {

    public ErpProfileException(String message) {
        super(message);
    }

    public ErpProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
