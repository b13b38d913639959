package org.backofficehub.edi;

import java.io.InputStream;
import java.nio.charset.Charset;

/** An EDI engine's reading side: interchanges in, listener events out. */
public interface InterchangeSource {

    void read(InputStream input, InterchangeListener listener) throws InterchangeSyntaxException;

    /** {@code charset}: the file's encoding, from its first interchange header ({@link EdiCharsets}). */
    default void read(InputStream input, Charset charset, InterchangeListener listener) throws InterchangeSyntaxException {
        read(input, listener);
    }
}
