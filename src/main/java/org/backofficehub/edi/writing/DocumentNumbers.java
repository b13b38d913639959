package org.backofficehub.edi.writing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.backofficehub.edi.partners.ControlNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control numbers one outbound document takes, handed back if the document is not sent, so
 * numbers go only to documents a partner receives: a document that fails to be written burns none
 * (unless another document of the partner took a later number meanwhile: then it stays a gap,
 * never a number used twice).
 */
final class DocumentNumbers {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentNumbers.class);

    private final ControlNumbers numbers;
    private final String partnerId;
    private final Deque<Taken> taken = new ArrayDeque<>();

    DocumentNumbers(ControlNumbers numbers, String partnerId) {
        this.numbers = numbers;
        this.partnerId = partnerId;
    }

    long next(ControlNumbers.Kind kind) {
        return reserve(kind, 1);
    }

    long reserve(ControlNumbers.Kind kind, int count) {
        long first = numbers.reserve(partnerId, kind, count);
        taken.push(new Taken(kind, first, count));
        return first;
    }

    /** The document was sent: its numbers are its for good. */
    void sent() {
        taken.clear();
    }

    /** The document was not sent: its numbers go back, the last taken first. */
    void handBack() {
        while (!taken.isEmpty()) {
            Taken back = taken.pop();
            try {
                if (!numbers.release(partnerId, back.kind(), back.first(), back.count())) {
                    LOG.info("{} {} control number(s) from {} of {} left unused: later ones were taken meanwhile", back.count(),
                            back.kind(), back.first(), partnerId);
                }
            } catch (RuntimeException e) {
                LOG.warn("{} {} control number(s) from {} of {} left unused: {}", back.count(), back.kind(), back.first(), partnerId,
                        e.getMessage());
            }
        }
    }

    private record Taken(ControlNumbers.Kind kind, long first, int count) {
    }
}
