package org.backofficehub.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.backofficehub.model.ProblemType;
import org.backofficehub.util.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the HTTP server answers on its own, before or instead of any route, always as an RFC 7807
 * problem: a request it cannot parse or will not frame (400), a request line or head over the
 * limits (414, 431), no resource at the path (404), a method the path does not take (405), a body
 * over camel.server.maxBodySize (413), and anything the router itself failed on (500).
 */
final class ServerRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(ServerRefusals.class);

    private final HttpLimits limits;
    private final Long maxBodyBytes;
    private final SecurityHeaders headers;

    ServerRefusals(HttpLimits limits, Long maxBodyBytes, SecurityHeaders headers) {
        this.limits = limits;
        this.maxBodyBytes = maxBodyBytes;
        this.headers = headers;
    }

    /** Registers the router's answers for the statuses it produces without a route. */
    void answerFailuresOf(Router router) {
        router.errorHandler(400, routed(ProblemType.INVALID_REQUEST, ctx -> "The request cannot be read"));
        router.errorHandler(404, routed(ProblemType.NOT_FOUND, ctx -> "No resource at " + path(ctx)));
        router.errorHandler(405, routed(ProblemType.METHOD_NOT_ALLOWED, ctx -> ctx.request().method() + " is not allowed on " + path(ctx)));
        router.errorHandler(413, routed(ProblemType.INPUT_TOO_LARGE, ctx -> "The body is larger than the server takes"
                + (maxBodyBytes == null ? "" : " (" + maxBodyBytes + " bytes, camel.server.maxBodySize)")));
        router.errorHandler(415, routed(ProblemType.UNSUPPORTED_MEDIA_TYPE, ctx -> "The request's Content-Type is not taken here"));
        router.errorHandler(500, ctx -> {
            LOG.error("The HTTP server failed on {} {}", ctx.request().method(), path(ctx), ctx.failure());
            answer(ctx.request(), 500, ServerProblems.internalError("The hub could not complete the request", path(ctx)));
        });
    }

    /**
     * For the server's invalid-request handler: a request Netty could not decode, or one the
     * decoder refused to frame. Answered, then the connection is closed, since what follows the
     * bad request on it cannot be trusted to start where it seems to.
     */
    Handler<HttpServerRequest> invalidRequests() {
        return request -> {
            DecoderResult result = request.decoderResult();
            Throwable cause = result == null ? null : result.cause();
            if (cause instanceof PrematureChannelClosureException) {
                return; // the connection ended mid-head (a deadline closed it, or the client left): no one to answer
            }
            ProblemType type;
            String detail;
            if (cause instanceof StrictRequestDecoder.Refused refused) {
                type = ProblemType.INVALID_REQUEST;
                detail = refused.getMessage();
            } else if (cause instanceof TooLongFrameException && String.valueOf(cause.getMessage()).startsWith("An HTTP line is larger")) {
                type = ProblemType.URI_TOO_LONG;
                detail = "The request line is longer than " + limits.maxRequestLineBytes() + " bytes (hub.http.max-request-line-bytes)";
            } else if (cause instanceof TooLongFrameException) {
                type = ProblemType.HEADERS_TOO_LARGE;
                detail = "The request's headers are larger than " + limits.maxHeaderBytes() + " bytes (hub.http.max-header-bytes)";
            } else if (cause != null && String.valueOf(cause.getMessage()).contains("Content-Length")) {
                type = ProblemType.INVALID_REQUEST;
                detail = "The request's Content-Length is not one number; send exactly one";
            } else {
                type = ProblemType.INVALID_REQUEST;
                detail = "The request is not HTTP/1.1 the hub can read";
            }
            LOG.info("Refused a request from {}: {} ({})", request.remoteAddress(), detail, cause == null ? "no cause" : cause.toString());
            headers.addTo(request.response().headers(), null);
            request.response().setStatusCode(type.httpStatus()).putHeader("Content-Type", ServerProblems.CONTENT_TYPE)
                    .putHeader("Connection", "close")
                    .end(Buffer.buffer(ServerProblems.body(type, detail, null)))
                    .onComplete(done -> request.connection().close());
        };
    }

    private Handler<RoutingContext> routed(ProblemType type, Function<RoutingContext, String> detail) {
        return ctx -> answer(ctx.request(), type.httpStatus(), ServerProblems.body(type, detail.apply(ctx), path(ctx)));
    }

    /** The path as sent: decoding it may be what failed (a broken %-escape is a 400 of its own). */
    private static String path(RoutingContext ctx) {
        return Texts.clip(ctx.request().path(), 200);
    }

    private void answer(HttpServerRequest request, int status, byte[] problem) {
        HttpServerResponse response = request.response();
        if (response.headWritten()) {
            request.connection().close(); // half an answer is out: ending the connection is all that is left to say
            return;
        }
        // Also here, not only on the router's first handler: the router refuses some requests (no Host) before any handler runs.
        headers.addTo(response.headers(), null);
        response.setStatusCode(status).putHeader("Content-Type", ServerProblems.CONTENT_TYPE).end(Buffer.buffer(problem));
    }
}
