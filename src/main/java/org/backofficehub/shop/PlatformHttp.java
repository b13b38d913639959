package org.backofficehub.shop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Calls to the platforms' APIs over one shared HTTP client: each platform's way of authenticating,
 * JSON in and out, and anything but a 2xx answer an exception naming the call (never its
 * credentials). Redirects are not followed: credentials go to the configured host only.
 */
public final class PlatformHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock;

    public record Answer(int status, HttpHeaders headers, byte[] body) {

        /**
         * The platform's own time when it answered (its Date header), else ours: what changed after
         * this is listed next time, without trusting two clocks to agree.
         */
        public Instant platformTime(Clock fallback) {
            return headers.firstValue("Date").map(date -> {
                try {
                    return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                } catch (DateTimeParseException e) {
                    return null;
                }
            }).orElseGet(fallback::instant);
        }
    }

    public PlatformHttp(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** A request to the shop's API, authenticated as its platform wants (Shopware's token comes separately). */
    public HttpRequest.Builder request(ShopProfile shop, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(shop.api().url() + pathAndQuery)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        ShopProfile.Api api = shop.api();
        switch (shop.platform()) {
            case SHOPIFY -> request.header("X-Shopify-Access-Token", api.token().text());
            case WOOCOMMERCE -> request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((api.user() + ":" + api.password().text()).getBytes(StandardCharsets.UTF_8)));
            case MAGENTO -> request.header("Authorization", "Bearer " + api.token().text());
            case SHOPWARE -> { } // a bearer token from POST /api/oauth/token: ShopwareTokens
        }
        return request;
    }

    public static HttpRequest.BodyPublisher json(byte[] body) {
        return HttpRequest.BodyPublishers.ofByteArray(body);
    }

    public Answer send(ShopProfile shop, HttpRequest.Builder request) {
        HttpRequest built = request.build();
        String call = built.method() + " " + built.uri().getPath();
        try {
            HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
            Answer answer = new Answer(response.statusCode(), response.headers(), response.body());
            if (answer.status() / 100 != 2) {
                throw new PlatformCallException("Shop " + shop.key() + " (" + shop.platform().id() + ") answered " + call + " with "
                        + answer.status() + ": " + excerpt(answer.body()), answer.status(), null);
            }
            return answer;
        } catch (IOException e) {
            throw new PlatformCallException("Shop " + shop.key() + " (" + shop.platform().id() + ") did not answer " + call + ": "
                    + e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformCallException("Interrupted calling " + call + " of shop " + shop.key(), 0, e);
        }
    }

    private static String excerpt(byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
