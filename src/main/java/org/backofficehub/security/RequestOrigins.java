package org.backofficehub.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * Cross-site request forgery defence: a browser sends the credentials it has cached for the hub
 * with any request, including one a page of another site makes. Requests that change state are
 * therefore refused when the browser says they come from another origin (Origin, or
 * Sec-Fetch-Site where there is no Origin), and when their body is one of the types a page may
 * send without asking the hub first (a form's, or text/plain). Clients that are not browsers send
 * neither header and are not affected.
 */
public final class RequestOrigins {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** The Content-Types a cross-origin page may POST without a CORS preflight. */
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    private final Set<String> allowedOrigins;

    /** {@code allowedOrigins}: origins besides the hub's own, e.g. {@code https://console.example.com}. */
    public RequestOrigins(Set<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(RequestOrigins::normalised).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public static boolean changesState(Message message) {
        String method = message.getHeader(Exchange.HTTP_METHOD, String.class);
        return method != null && !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /** Refuses a state change that a page of another origin says it made. */
    public void refuseOtherOrigins(Message message) {
        if (!changesState(message)) {
            return;
        }
        String origin = message.getHeader("Origin", String.class);
        if (origin != null) {
            if (!sameOrigin(origin.strip(), message.getHeader("Host", String.class)) && !allowedOrigins.contains(normalised(origin))) {
                throw new InputRejectedException(ProblemType.CROSS_ORIGIN_REFUSED, "A request from " + printable(origin)
                        + " may not change anything here: only the hub's own pages and hub.security.allowed-origins may");
            }
        } else {
            String site = message.getHeader("Sec-Fetch-Site", String.class);
            if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
                throw new InputRejectedException(ProblemType.CROSS_ORIGIN_REFUSED,
                        "A request from another site (Sec-Fetch-Site: " + printable(site) + ") may not change anything here");
            }
        }
    }

    /** Refuses a state change in a body type any page may post here unasked (415). */
    public void refuseFormBodies(Message message) {
        if (!changesState(message)) {
            return;
        }
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null) {
            String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (FORM_TYPES.contains(mediaType)) {
                throw new InputRejectedException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Changes are not taken as " + mediaType
                        + " (a type any web page may post here): send application/json, or the document's own type");
            }
        }
    }

    /** Whether the Origin names the host the request was sent to (default ports per the Origin's scheme). */
    private static boolean sameOrigin(String origin, String host) {
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI originUri = new URI(origin);
            URI hostUri = new URI(originUri.getScheme() + "://" + host.strip());
            return originUri.getHost() != null && originUri.getHost().equalsIgnoreCase(hostUri.getHost())
                    && port(originUri) == port(hostUri);
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String normalised(String origin) {
        String trimmed = origin.strip().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String printable(String value) {
        String bounded = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return bounded.replaceAll("\\p{Cntrl}", "?");
    }
}
