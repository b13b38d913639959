package org.backofficehub.store;

/** The hub cannot write right now (stopping, overloaded); the sender should retry. */
public class GroupCommitUnavailableException extends RuntimeException {

    public GroupCommitUnavailableException(String message) {
        super(message);
    }
}
