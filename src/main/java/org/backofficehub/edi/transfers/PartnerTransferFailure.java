package org.backofficehub.edi.transfers;

import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.backofficehub.store.FailureLog;

/**
 * Records a transfer to or from a partner's server that failed after its retries, with the file's
 * bytes: an upload as {@code outbox-file} (replayed into the outbox it came from, to be uploaded
 * again), a download as {@code remote-file} (replayed into the inbox).
 */
public final class PartnerTransferFailure implements Processor {

    public static final String OUTBOX_FILE = "outbox-file";
    public static final String REMOTE_FILE = "remote-file";

    private final FailureLog failures;

    public PartnerTransferFailure(FailureLog failures) {
        this.failures = failures;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String routeId = exchange.getFromRouteId();
        boolean upload = routeId != null && routeId.startsWith(PartnerTransfers.OUTBOUND_PREFIX);
        String absolutePath = exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        byte[] payload = exchange.getMessage().getBody(byte[].class);
        failures.record(routeId == null ? "partner-transfer" : routeId, upload ? OUTBOX_FILE : REMOTE_FILE, "transfer-failed",
                (upload ? "Upload" : "Download") + " of " + name + " failed: " + (cause == null ? "unknown" : cause.getMessage()),
                upload && absolutePath != null ? Path.of(absolutePath).toAbsolutePath().toString() : name,
                payload == null ? new byte[0] : payload);
    }
}
