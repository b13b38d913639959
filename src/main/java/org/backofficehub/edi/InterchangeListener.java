package org.backofficehub.edi;

import java.util.List;

/**
 * Receives an EDI stream as it is read, one message at a time. Errors in envelope segments are
 * handed over with the end of the structure they belong to, because that is when acknowledgements
 * can be composed.
 */
public interface InterchangeListener {

    void interchangeStarted(Envelope envelope);

    default void groupStarted(FunctionalGroup group) {
    }

    void message(EdiMessage message);

    default void groupEnded(FunctionalGroup group, int declaredMessages, List<SyntaxError> errors) {
    }

    void interchangeEnded(Envelope envelope, List<SyntaxError> errors);
}
