package org.backofficehub.edi.reading;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.InterchangeListener;
import org.backofficehub.edi.SyntaxError;

/** Reads a file's first interchange header and rewinds, to choose the engine before reading for real. */
public final class EnvelopePeek {

    /** How far ahead the header may lie; the stream buffers this much while peeking. */
    private static final int LOOK_AHEAD = 1 << 20;

    private EnvelopePeek() {
    }

    public static Envelope first(BufferedInputStream input, InterchangeReader reader) {
        input.mark(LOOK_AHEAD);
        Envelope[] found = new Envelope[1];
        try {
            reader.readInline(input, new InterchangeListener() {
                @Override
                public void interchangeStarted(Envelope envelope) {
                    found[0] = envelope;
                    throw new Found();
                }

                @Override
                public void message(EdiMessage message) {
                }

                @Override
                public void interchangeEnded(Envelope envelope, java.util.List<SyntaxError> errors) {
                }
            });
        } catch (Found | InterchangeSyntaxException done) {
            // The header was read, or the file is not readable: reading it for real will say so.
        } finally {
            try {
                input.reset();
            } catch (IOException e) {
                throw new UncheckedIOException("The EDI header lies beyond " + LOOK_AHEAD + " bytes", e);
            }
        }
        return found[0];
    }

    /** Stops the reader at the header: nothing else is needed. */
    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }
}
