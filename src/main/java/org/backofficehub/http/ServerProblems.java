package org.backofficehub.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import org.backofficehub.model.ProblemType;

/**
 * The RFC 7807 problem bodies the HTTP server writes itself, where no route runs: no such path, a
 * method the path does not take, a head or body too large or too slow, a request it cannot parse.
 * The same shape as a route's problems, so a client has one kind of error to read.
 */
public final class ServerProblems {

    public static final String CONTENT_TYPE = "application/problem+json";

    private ServerProblems() {
    }

    public static byte[] body(ProblemType type, String detail, String instance) {
        return document(type.uri(), type.title(), type.httpStatus(), detail, instance);
    }

    private static byte[] document(String type, String title, int status, String detail, String instance) {
        StringBuilder json = new StringBuilder(256)
                .append("{\"type\":").append(quoted(type))
                .append(",\"title\":").append(quoted(title))
                .append(",\"status\":").append(status)
                .append(",\"detail\":").append(quoted(detail));
        if (instance != null) {
            json.append(",\"instance\":").append(quoted(instance));
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The server's own failure, in the words ProblemReply uses for a route's: nothing of the cause goes out. */
    public static byte[] internalError(String detail, String instance) {
        return document("urn:backoffice-hub:problem:internal-error", "Internal error", 500, detail, instance);
    }

    /**
     * A whole HTTP/1.1 answer that closes the connection, for the moments the server has no request
     * object to answer through; {@code headLines} are further headers, each ending in CRLF.
     */
    public static byte[] closingResponse(ProblemType type, String detail, String instance, String headLines) {
        byte[] body = body(type, detail, instance);
        String head = "HTTP/1.1 " + type.httpStatus() + " " + type.title() + "\r\n"
                + "Content-Type: " + CONTENT_TYPE + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + headLines
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] response = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, response, 0, headBytes.length);
        System.arraycopy(body, 0, response, headBytes.length, body.length);
        return response;
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
