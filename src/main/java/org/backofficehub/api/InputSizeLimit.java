package org.backofficehub.api;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * Refuses inputs over the configured size before anything reads them into memory: files by their
 * length on disk, HTTP bodies by Content-Length (the embedded server caps what it buffers).
 */
public final class InputSizeLimit implements Processor {

    private final long maxBytes;
    private final String setting;

    public InputSizeLimit(long maxBytes, String setting) {
        this.maxBytes = maxBytes;
        this.setting = setting;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Long declared = message.getHeader(Exchange.FILE_LENGTH, Long.class);
        if (declared == null) {
            declared = message.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        }
        if (declared == null) {
            byte[] body = message.getBody(byte[].class);
            declared = body == null ? 0L : body.length;
        }
        if (declared > maxBytes) {
            throw new InputRejectedException(ProblemType.INPUT_TOO_LARGE,
                    "The input is " + declared + " bytes; the limit is " + maxBytes + " bytes (" + setting + ")");
        }
    }
}
