package org.backofficehub.edi;

import java.util.List;

/** What became of one EDI file: counts for the log, and the documents written to outboxes. */
public record EdiReceipt(int interchanges, int messages, int accepted, int rejected, List<String> documentsWritten) {

    @Override
    public String toString() {
        return interchanges + " interchange(s), " + messages + " message(s): " + accepted + " accepted, " + rejected
                + " rejected; sent " + documentsWritten;
    }
}
