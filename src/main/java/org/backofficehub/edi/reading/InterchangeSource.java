package org.backofficehub.edi.reading;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.backofficehub.edi.InterchangeListener;

/** An EDI engine's reading side: interchanges in, listener events out. */
public interface InterchangeSource {

    /** {@code charset}: the file's encoding, from its first interchange header ({@link EdiCharsets}). */
    void read(InputStream input, Charset charset, InterchangeListener listener) throws InterchangeSyntaxException;

    /** Text known to be UTF-8: X12, UNOW, the hub's own copies of a message. */
    default void read(InputStream input, InterchangeListener listener) throws InterchangeSyntaxException {
        read(input, StandardCharsets.UTF_8, listener);
    }
}
