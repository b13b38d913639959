package org.backofficehub.booking;

/** The hub cannot take the order right now (stopping, overloaded); the sender should retry. */
public class BookingUnavailableException extends RuntimeException {

    public BookingUnavailableException(String message) {
        super(message);
    }
}
