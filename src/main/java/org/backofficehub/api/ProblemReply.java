package org.backofficehub.api;

import org.backofficehub.util.CamelWrapping;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.backofficehub.store.GroupCommitUnavailableException;
import org.backofficehub.erp.ErpUnavailableException;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.model.RetryLaterException;
import org.backofficehub.store.HubStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed HTTP exchange into an RFC 7807 problem body. Rejections name the field and the
 * reason; anything else is the hub's fault, logged in full and answered without internals.
 */
public final class ProblemReply implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemReply.class);

    private final ObjectMapper mapper;

    public ProblemReply(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Throwable failure = CamelWrapping.unwrap(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        Map<String, Object> problem = new LinkedHashMap<>();
        int status;
        if (failure instanceof InputRejectedException rejected) {
            status = rejected.type().httpStatus();
            problem.put("type", rejected.type().uri());
            problem.put("title", rejected.type().title());
            problem.put("status", status);
            problem.put("detail", rejected.getMessage());
            if (!rejected.fieldProblems().isEmpty()) {
                problem.put("errors", rejected.fieldProblems());
            }
            LOG.info("Rejected {} {}: {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD), path, rejected.getMessage());
        } else {
            boolean transient_ = failure instanceof ErpUnavailableException || failure instanceof HubStoreException
                    || failure instanceof GroupCommitUnavailableException;
            status = transient_ ? 503 : 500;
            problem.put("type", "urn:backoffice-hub:problem:" + (transient_ ? "temporarily-unavailable" : "internal-error"));
            problem.put("title", transient_ ? "Temporarily unavailable" : "Internal error");
            problem.put("status", status);
            problem.put("detail", "The hub could not complete the request. Retrying the same order is safe: it is booked at most once."
                    + " Reference: " + exchange.getExchangeId());
            LOG.error("Request {} failed (reference {})", path, exchange.getExchangeId(), failure);
        }
        if (path != null) {
            problem.put("instance", path);
        }
        var message = exchange.getMessage();
        JsonReply.write(message, status, "application/problem+json", mapper.writeValueAsBytes(problem));
        // HTTP Basic is asked for on a missing or wrong password; a webhook's refused signature has no credentials to ask for.
        if (failure instanceof InputRejectedException rejected && rejected.type() == ProblemType.UNAUTHORIZED) {
            message.setHeader("WWW-Authenticate", "Basic realm=\"Backoffice Hub\", charset=\"UTF-8\"");
        }
        if (failure instanceof RetryLaterException later) {
            message.setHeader("Retry-After", Long.toString(later.retryAfterSeconds()));
        }
    }
}
