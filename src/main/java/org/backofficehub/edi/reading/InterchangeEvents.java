package org.backofficehub.edi.reading;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.FunctionalGroup;
import org.backofficehub.edi.InterchangeListener;
import org.backofficehub.edi.SyntaxError;

/**
 * An EDI file as an engine reads it, one event at a time, in reading order: the intake pulls them
 * as it goes. StAEDI's reading runs ahead on a thread of its own ({@link InterchangeReader#events}),
 * so a large interchange is never held whole; another engine may hand over what it has read of a
 * file ({@link #recorder()}).
 */
public interface InterchangeEvents extends AutoCloseable {

    /**
     * The next event, or null at the end.
     *
     * @throws InterchangeSyntaxException where the stream stops being readable EDI, after every event before it
     */
    InterchangeEvent next() throws InterchangeSyntaxException;

    /** Stops reading, if it has not ended. */
    @Override
    void close();

    /** A listener that keeps what it hears, for engines that read a whole interchange before telling anything. */
    static Recorder recorder() {
        return new Recorder();
    }

    /** What an engine told a listener, replayed as events; a failure it ended with comes last. */
    final class Recorder implements InterchangeListener {
        private final List<InterchangeEvent> events = new ArrayList<>();

        @Override
        public void interchangeStarted(Envelope envelope) {
            events.add(listener -> listener.interchangeStarted(envelope));
        }

        @Override
        public void groupStarted(FunctionalGroup group) {
            events.add(listener -> listener.groupStarted(group));
        }

        @Override
        public void message(EdiMessage message) {
            events.add(listener -> listener.message(message));
        }

        @Override
        public void groupEnded(FunctionalGroup group, int declaredMessages, List<SyntaxError> errors) {
            events.add(listener -> listener.groupEnded(group, declaredMessages, errors));
        }

        @Override
        public void interchangeEnded(Envelope envelope, List<SyntaxError> errors) {
            events.add(listener -> listener.interchangeEnded(envelope, errors));
        }

        /** @param failure what stopped the engine, or null if it read to the end */
        public InterchangeEvents events(InterchangeSyntaxException failure) {
            Iterator<InterchangeEvent> recorded = List.copyOf(events).iterator();
            return new InterchangeEvents() {
                @Override
                public InterchangeEvent next() throws InterchangeSyntaxException {
                    if (recorded.hasNext()) {
                        return recorded.next();
                    }
                    if (failure != null) {
                        throw failure;
                    }
                    return null;
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
