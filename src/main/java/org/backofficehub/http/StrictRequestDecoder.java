package org.backofficehub.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import java.util.List;
import org.backofficehub.util.Texts;

/**
 * Vert.x's request decoder, refusing what it would otherwise read in a way someone else might
 * not. A request whose body could be framed two ways: with both
 * Content-Length and Transfer-Encoding, Netty drops the length and reads chunks (RFC 9112 6.3); a
 * proxy in front that framed by the length would see a different request boundary, the gap request
 * smuggling lives in. A Transfer-Encoding other than plain chunked is refused too: the hub cannot
 * frame it, and guessing is the same gap. A request line naming another version than HTTP/1.0 or
 * 1.1 (an HTTP/2 preface sent without an upgrade), which Vert.x answered with an empty 501. A
 * refusal makes the request invalid: Vert.x hands it to the server's invalid-request handler,
 * which answers 400 with a problem and closes, and nothing after it on the connection is read.
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {

    StrictRequestDecoder(HttpServerOptions options) {
        super(options);
    }

    @Override
    protected HttpMessage createMessage(String[] initialLine) {
        if (initialLine.length != 3 || !initialLine[2].regionMatches(true, 0, "HTTP/", 0, 5)) {
            throw new Refused("The request line is not 'METHOD /path HTTP/1.1'");
        }
        if (!initialLine[2].equalsIgnoreCase("HTTP/1.1") && !initialLine[2].equalsIgnoreCase("HTTP/1.0")) {
            throw new Refused(Texts.clip(initialLine[2], 20) + " is not spoken here; send HTTP/1.1");
        }
        return super.createMessage(initialLine);
    }

    /** Netty asks this of every message once its headers are read, before it decides the framing. */
    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage message) {
        List<String> encodings = message.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!encodings.isEmpty()) {
            if (message.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                throw new Refused("The request has both Content-Length and Transfer-Encoding; send one of them");
            }
            if (encodings.size() > 1 || !"chunked".equalsIgnoreCase(encodings.get(0).trim())) {
                throw new Refused("Transfer-Encoding " + Texts.clip(String.join(", ", encodings), 40)
                        + " is not supported; send chunked or a Content-Length");
            }
        }
        return super.isContentAlwaysEmpty(message);
    }

    /** Netty's own hook for the same case, in case a later version asks it first: refused, never resolved by dropping the length. */
    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        throw new Refused("The request has both Content-Length and Transfer-Encoding; send one of them");
    }

    /** Why a request was refused before any route saw it. */
    static final class Refused extends IllegalArgumentException {

        Refused(String message) {
            super(message);
        }
    }
}
