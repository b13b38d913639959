package org.backofficehub.edi.writing;

/**
 * Hears of every document published to a partner's outbox, at the moment it appears there (before
 * a partner or an FTP push can take it away). Must not block: the caller is writing documents.
 */
@FunctionalInterface
public interface SentDocuments {

    SentDocuments NONE = sent -> {
    };

    void published(SentDocument sent);
}
