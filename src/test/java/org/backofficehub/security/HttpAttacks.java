package org.backofficehub.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;

/**
 * The HTTP probes of issue 21 and their neighbours, each a whole request as bytes on the wire: what
 * a client library would refuse to send or would tidy up (two framings, a lying Content-Type, bad
 * UTF-8, an h2c upgrade) is sent as it is. Every request asks the server to close afterwards.
 */
final class HttpAttacks {

    /** A named request. */
    record Attack(String name, byte[] request) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String ORDER = Samples.text("webstore/order.json");
    private static final String XML_WITH_DTD = "<?xml version=\"1.0\"?><!DOCTYPE order SYSTEM \"http://127.0.0.1:9/order.dtd\">"
            + Samples.text("xml/order.xml").replaceFirst("<\\?xml[^>]*>", "");

    private static final String SIGNED_IN = "Host: hub\r\nAuthorization: " + RunningHub.basic("admin", RunningHub.ADMIN_PASSWORD) + "\r\n";

    private HttpAttacks() {
    }

    static List<Attack> all() {
        List<Attack> attacks = new ArrayList<>();
        // Bodies that are not one JSON order
        attacks.add(raw("bodiless POST", "POST /api/orders HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n"));
        attacks.add(post("bodiless POST saying JSON", "application/json", new byte[0]));
        attacks.add(raw("empty chunked body", "POST /api/orders HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n"));
        attacks.add(post("form body", "application/x-www-form-urlencoded", text("orderId=WEB-F&lines=SKU-1001")));
        attacks.add(post("multipart body", "multipart/form-data; boundary=b", text("--b\r\nContent-Disposition: form-data; name=\"o\";"
                + " filename=\"o.json\"\r\nContent-Type: application/json\r\n\r\n" + ORDER + "\r\n--b--\r\n")));
        attacks.add(post("trailing data", "application/json", text(ORDER + " xyz")));
        attacks.add(post("two documents", "application/json", text(ORDER + ORDER)));
        attacks.add(post("overlong UTF-8 slash", "application/json", splice(ORDER, "Anna", new byte[] {(byte) 0xC0, (byte) 0xAF})));
        attacks.add(post("CESU-8 surrogate pair", "application/json",
                splice(ORDER, "Anna", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xED, (byte) 0xB0, (byte) 0x80})));
        attacks.add(post("Latin-1 instead of UTF-8", "application/json", ORDER.getBytes(StandardCharsets.ISO_8859_1)));
        attacks.add(post("UTF-16 with a byte order mark", "application/json", ORDER.getBytes(StandardCharsets.UTF_16)));
        attacks.add(post("order id with a line break", "application/json", text(ORDER.replace("WEB-10001", "FZ-1\\n"))));
        attacks.add(post("NUL in a name", "application/json", text(ORDER.replace("Anna", "An\\u0000na"))));
        attacks.add(post("a key twice", "application/json", text(ORDER.replace("{\n  \"orderId\"", "{\"orderId\": \"WEB-DUP\",\n  \"orderId\""))));
        attacks.add(post("nested ten thousand deep", "application/json", text("[".repeat(10_000) + "]".repeat(10_000))));
        attacks.add(post("a huge exponent", "application/json", text(ORDER.replace("\"quantity\": 6", "\"quantity\": 1e999999999"))));
        attacks.add(post("a tiny exponent", "application/json", text(ORDER.replace("6.50", "1e-999999999"))));
        attacks.add(post("a zero with a tiny exponent", "application/json", text(ORDER.replace("\"WEB-10001\"", "\"WEB-ZERO-EXP\"")
                .replace("6.50", "0E-999999999"))));
        attacks.add(post("a number of five thousand digits", "application/json", text(ORDER.replace("6.50", "6" + "0".repeat(5000)))));
        attacks.add(post("NaN and comments", "application/json", text(ORDER.replace("6.50", "NaN /* price */"))));
        attacks.add(post("order id of the wrong type", "application/json", text(ORDER.replace("\"WEB-10001\"", "[\"WEB-10001\"]"))));
        attacks.add(post("a name of 500,000 characters", "application/json", text(ORDER.replace("Anna Müller\"", "x".repeat(500_000) + "\""))));
        attacks.add(post("not JSON at all", "application/json", text("hunter2")));
        // Lying or missing media types
        attacks.add(post("XML with an external DTD as XML", "application/xml", text(XML_WITH_DTD)));
        attacks.add(post("XML with an external DTD as JSON", "application/json", text(XML_WITH_DTD)));
        attacks.add(post("JSON as text/plain", "text/plain", text(ORDER)));
        attacks.add(post("JSON without a Content-Type", null, text(ORDER)));
        attacks.add(post("JSON in Latin-1 by its charset", "application/json; charset=ISO-8859-1", text(ORDER)));
        // Framing and the protocol
        attacks.add(raw("Content-Length and Transfer-Encoding", "POST /api/orders HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
                + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n"));
        attacks.add(raw("Transfer-Encoding gzip, chunked", "POST /api/orders HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n0\r\n\r\n"));
        attacks.add(raw("two Content-Lengths", "POST /api/orders HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{}"));
        attacks.add(raw("h2c upgrade", "GET /observe/health HTTP/1.1\r\nHost: hub\r\nConnection: Upgrade, HTTP2-Settings, close\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n"));
        attacks.add(raw("HTTP/2 preface without an upgrade", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
        attacks.add(raw("garbage", "\u0016\u0003\u0001 hello\r\n\r\n"));
        attacks.add(raw("a head of 20 kB", "GET /observe/health HTTP/1.1\r\nHost: hub\r\nX-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n"));
        attacks.add(raw("a request line of 10 kB", "GET /api/orders?orderId=" + "1".repeat(10_000) + " HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n"));
        attacks.add(raw("a body over the server's limit", "POST /api/orders HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (5 * 1024 * 1024) + "\r\nConnection: close\r\n\r\n" + " ".repeat(5 * 1024 * 1024)));
        // Paths, methods and query parameters
        attacks.add(raw("no such path", "GET /etc/passwd HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n"));
        attacks.add(raw("an encoded traversal", "GET /api/orders/..%2F..%2Fadmin%2Ffailures HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n"));
        attacks.add(raw("a broken percent encoding", "GET /api/orders/%zz HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n"));
        attacks.add(raw("TRACE", "TRACE /api/orders HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n"));
        attacks.add(raw("DELETE on the orders", "DELETE /api/orders HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n"));
        for (String query : List.of("limit=-1", "limit=1e3", "limit=0", "from=../../etc", "to=2026-02-30", "currency=%00%0A", "by=1%3B")) {
            attacks.add(raw("best customers " + query, "GET /api/reports/best-customers?" + query + " HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n"));
        }
        attacks.add(raw("the admin API without credentials", "GET /admin/failures HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n"));
        attacks.add(raw("an unsigned shop webhook", "POST /api/shops/fuzz-shop/orders HTTP/1.1\r\nHost: hub\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}"));
        return attacks;
    }

    static Attack post(String name, String contentType, byte[] body) {
        return post(name, "/api/orders", contentType, body);
    }

    static Attack post(String name, String path, String contentType, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\n" + SIGNED_IN);
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return new Attack(name, request.toByteArray());
    }

    /** Signed in as the administrator (every role), so that each probe reaches what it probes; unless it is about credentials. */
    private static Attack raw(String name, String request) {
        String signedIn = name.contains("without credentials") ? request : request.replaceFirst("Host: hub\r\n", SIGNED_IN);
        return new Attack(name, signedIn.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The document with these bytes put in just after the first occurrence of {@code after}. */
    private static byte[] splice(String document, String after, byte[] bytes) {
        int at = document.indexOf(after) + after.length();
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        spliced.writeBytes(text(document.substring(0, at)));
        spliced.writeBytes(bytes);
        spliced.writeBytes(text(document.substring(at)));
        return spliced.toByteArray();
    }
}
