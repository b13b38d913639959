package org.backofficehub.edi;

import java.util.List;

/**
 * What became of one EDI file: counts for the log, and the documents written to outboxes.
 *
 * @param readBefore messages of interchanges done with from this very file before a crash kept it in the inbox
 */
public record EdiReceipt(int interchanges, int messages, int accepted, int rejected, int readBefore, List<String> documentsWritten) {

    @Override
    public String toString() {
        return interchanges + " interchange(s), " + messages + " message(s): " + accepted + " accepted, " + rejected
                + " rejected" + (readBefore > 0 ? ", " + readBefore + " read before" : "") + "; sent " + documentsWritten;
    }
}
