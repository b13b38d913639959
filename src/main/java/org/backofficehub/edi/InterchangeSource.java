package org.backofficehub.edi;

import java.io.InputStream;

/** An EDI engine's reading side: interchanges in, listener events out. */
public interface InterchangeSource {

    void read(InputStream input, InterchangeListener listener) throws InterchangeSyntaxException;
}
