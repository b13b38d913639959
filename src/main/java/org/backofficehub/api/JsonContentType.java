package org.backofficehub.api;

import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.util.Texts;

/**
 * A JSON request is sent as JSON: Content-Type application/json or any application/...+json, in
 * UTF-8 if a charset is named, and with a body. Anything else is refused before its body is read
 * as JSON: a form, a multipart upload, XML, text (415), no body at all or an empty one (400).
 * Without this the server's body handler turned a form into headers and the route failed on the
 * missing body with a 500, and XML or text was parsed as JSON whatever it claimed to be.
 */
public final class JsonContentType implements Processor {

    @Override
    public void process(Exchange exchange) {
        require(exchange.getMessage(), ProblemType.MALFORMED_DOCUMENT);
    }

    /** {@code noBody}: the problem a missing body is (a document's, or an admin request's). */
    public static void require(Message message, ProblemType noBody) {
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null && !isJson(contentType)) {
            throw new InputRejectedException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + Texts.clip(contentType.trim(), 80)
                    + " is not taken here; send the body as application/json (UTF-8)");
        }
        byte[] body = message.getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw new InputRejectedException(noBody, "The request has no body; expected a JSON document");
        }
        message.setBody(body); // read once: a stream would be spent by the check
        if (contentType == null) {
            throw new InputRejectedException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The request has no Content-Type; send the body as application/json (UTF-8)");
        }
    }

    static boolean isJson(String contentType) {
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String type = parts[0].trim();
        boolean json = type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
        for (int i = 1; i < parts.length && json; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter[0].trim().equals("charset")) {
                json = parameter.length == 2 && parameter[1].trim().replace("\"", "").equals("utf-8");
            }
        }
        return json;
    }
}
