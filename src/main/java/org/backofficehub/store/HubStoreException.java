package org.backofficehub.store;

/** The hub's own database failed; the input is kept and can be retried. */
public class HubStoreException extends RuntimeException {

    public HubStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
