package org.backofficehub.http;

import java.time.Duration;
import org.apache.camel.spi.PropertiesComponent;

/**
 * What the embedded HTTP server tolerates from a connection (settings {@code hub.http.*}): how long
 * it may idle, how long a request's head and then its body may take to arrive, how large the
 * request line and the headers may be, whether HTTP/2 over cleartext is offered at all, and how
 * many connections may be open at once.
 */
public record HttpLimits(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout,
                         int maxRequestLineBytes, int maxHeaderBytes, boolean h2c, int maxConnections) {

    /** From the settings, which config/application.properties holds with their defaults; a missing one stops the start naming it. */
    public static HttpLimits from(PropertiesComponent settings) {
        return new HttpLimits(Duration.ofMillis(number(settings, "hub.http.idle-timeout-ms")),
                Duration.ofMillis(number(settings, "hub.http.header-timeout-ms")),
                Duration.ofMillis(number(settings, "hub.http.body-timeout-ms")),
                (int) number(settings, "hub.http.max-request-line-bytes"),
                (int) number(settings, "hub.http.max-header-bytes"),
                Boolean.parseBoolean(setting(settings, "hub.http.h2c")),
                (int) number(settings, "hub.http.max-connections"));
    }

    public HttpLimits {
        for (Duration timeout : new Duration[] {idleTimeout, headerTimeout, bodyTimeout}) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("HTTP timeouts must be positive (hub.http.*-timeout-ms), not " + timeout.toMillis() + " ms");
            }
        }
        if (maxRequestLineBytes < 256 || maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("hub.http.max-request-line-bytes must be at least 256 and hub.http.max-header-bytes at least 1024");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("hub.http.max-connections must be at least 1, not " + maxConnections);
        }
    }

    private static long number(PropertiesComponent settings, String key) {
        try {
            return Long.parseLong(setting(settings, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + setting(settings, key) + "'", e);
        }
    }

    private static String setting(PropertiesComponent settings, String key) {
        return settings.resolveProperty(key).map(String::trim)
                .orElseThrow(() -> new IllegalStateException("The setting " + key + " is missing (config/application.properties)"));
    }
}
