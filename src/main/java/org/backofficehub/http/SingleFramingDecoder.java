package org.backofficehub.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import java.util.List;
import org.backofficehub.util.Texts;

/**
 * Vert.x's request decoder, refusing any request whose body could be framed two ways. With both
 * Content-Length and Transfer-Encoding, Netty drops the length and reads chunks (RFC 9112 6.3); a
 * proxy in front that framed by the length would see a different request boundary, the gap request
 * smuggling lives in. A Transfer-Encoding other than plain chunked is refused too: the hub cannot
 * frame it, and guessing is the same gap. A refusal makes the request invalid: Vert.x hands it to
 * the server's invalid-request handler, which answers 400 and closes, and nothing after it on the
 * connection is read.
 */
final class SingleFramingDecoder extends VertxHttpRequestDecoder {

    SingleFramingDecoder(HttpServerOptions options) {
        super(options);
    }

    /** Netty asks this of every message once its headers are read, before it decides the framing. */
    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage message) {
        List<String> encodings = message.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!encodings.isEmpty()) {
            if (message.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                throw new AmbiguousFraming("The request has both Content-Length and Transfer-Encoding; send one of them");
            }
            if (encodings.size() > 1 || !"chunked".equalsIgnoreCase(encodings.get(0).trim())) {
                throw new AmbiguousFraming("Transfer-Encoding " + Texts.clip(String.join(", ", encodings), 40)
                        + " is not supported; send chunked or a Content-Length");
            }
        }
        return super.isContentAlwaysEmpty(message);
    }

    /** Netty's own hook for the same case, in case a later version asks it first: refused, never resolved by dropping the length. */
    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        throw new AmbiguousFraming("The request has both Content-Length and Transfer-Encoding; send one of them");
    }

    /** Why a request was refused before any route saw it. */
    static final class AmbiguousFraming extends IllegalArgumentException {

        AmbiguousFraming(String message) {
            super(message);
        }
    }
}
