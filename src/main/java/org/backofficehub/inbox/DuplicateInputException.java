package org.backofficehub.inbox;

import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/** The same content was already processed; thrown from the inbox route on a repeat. */
public class DuplicateInputException extends InputRejectedException {

    public DuplicateInputException(String detail) {
        super(ProblemType.DUPLICATE_INPUT, detail);
    }
}
