package org.backofficehub.edi.reading;

import org.backofficehub.edi.InterchangeListener;

/** Something read from an EDI stream (an interchange begun, a message, a group ended ...), for a listener. */
@FunctionalInterface
public interface InterchangeEvent {

    void deliverTo(InterchangeListener listener);
}
