package org.backofficehub.xml.standards;

/**
 * A mapping stylesheet that does not compile, or fails on a document (a cast of a text, say): the
 * mapping's fault, not the sender's, and one a retry would only repeat. The message names the
 * stylesheet and its setting.
 */
public final class MappingFailedException extends RuntimeException {

    MappingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
