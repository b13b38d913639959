package org.backofficehub.tracking;

import java.nio.file.Path;

/**
 * A tracked document's bytes, not yet stored: a file set aside, or a request's body. Several
 * entries may share one (the interchanges of one file); it is stored once, the first time asked.
 */
final class Payload {

    private final Path aside;
    private final byte[] content;
    private PayloadStore.Stored stored;

    private Payload(Path aside, byte[] content) {
        this.aside = aside;
        this.content = content;
    }

    static Payload setAside(Path aside) {
        return new Payload(aside, null);
    }

    static Payload of(byte[] content) {
        return new Payload(null, content);
    }

    synchronized PayloadStore.Stored store(PayloadStore store) {
        if (stored == null) {
            stored = aside != null ? store.store(aside) : store.store(content);
        }
        return stored;
    }
}
