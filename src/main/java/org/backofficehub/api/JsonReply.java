package org.backofficehub.api;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Makes a message the HTTP reply: status, content type and body, with no inbound headers leaking out. */
public final class JsonReply {

    private JsonReply() {
    }

    public static void write(Message message, int status, String contentType, byte[] body) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setBody(body);
    }

    public static void write(Message message, int status, byte[] json) {
        write(message, status, "application/json", json);
    }
}
