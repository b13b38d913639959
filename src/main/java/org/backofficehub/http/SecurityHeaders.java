package org.backofficehub.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every answer of the server carries, a route's or the server's own refusal: no
 * content-type sniffing, no framing, no referrer, no caching of the API's and the admin's answers
 * (they carry personal data), a Content-Security-Policy, and HSTS when the port speaks TLS. A
 * route may set its own Content-Security-Policy (the admin console's page does) or Cache-Control:
 * those are kept. Anything else gets the policy for data: nothing may be loaded or framed.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String CACHE_CONTROL = "Cache-Control";
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";
    // A year, as the HSTS preload list asks; no includeSubDomains, since the hub cannot know its neighbours.
    static final String HSTS = "max-age=31536000";

    private final Map<String, String> always;

    SecurityHeaders(boolean tls) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        if (tls) {
            headers.put("Strict-Transport-Security", HSTS);
        }
        this.always = Map.copyOf(headers);
    }

    /** The root router's first handler: the headers go on whatever answer the request ends with. */
    Handler<RoutingContext> onEveryAnswer() {
        return ctx -> {
            String path = pathOf(ctx);
            ctx.addHeadersEndHandler(v -> addTo(ctx.response().headers(), path));
            ctx.next();
        };
    }

    /** The path as the router matches it, or null if it cannot be decoded (a broken %-escape, answered 400). */
    private static String pathOf(RoutingContext ctx) {
        try {
            return ctx.normalizedPath();
        } catch (IllegalArgumentException undecodable) {
            return null;
        }
    }

    /** Adds the headers to an answer about to go out for this path (null: the path is not known). */
    void addTo(MultiMap headers, String path) {
        always.forEach(headers::set);
        if (!headers.contains(CONTENT_SECURITY_POLICY)) {
            headers.set(CONTENT_SECURITY_POLICY, DATA_POLICY);
        }
        if (!headers.contains(CACHE_CONTROL) && (path == null || personal(path))) {
            headers.set(CACHE_CONTROL, "no-store");
        }
    }

    /** The headers as lines of an HTTP/1.1 head, for an answer written below Vert.x (a refusal, so never to be cached). */
    String asHeadLines() {
        StringBuilder lines = new StringBuilder();
        always.forEach((name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
        return lines.append(CONTENT_SECURITY_POLICY).append(": ").append(DATA_POLICY).append("\r\n")
                .append(CACHE_CONTROL).append(": no-store\r\n").toString();
    }

    private static boolean personal(String path) {
        return under(path, "/api") || under(path, "/admin");
    }

    private static boolean under(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
