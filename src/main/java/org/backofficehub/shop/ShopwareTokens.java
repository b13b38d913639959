package org.backofficehub.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shopware's Admin API takes a short-lived bearer token (expires_in 600 s or so), which an
 * integration's access key id and secret buy at POST /api/oauth/token (client_credentials).
 * Kept per shop until shortly before it expires.
 */
public final class ShopwareTokens {

    private record Token(String value, Instant expires) {
    }

    private final PlatformHttp http;
    private final ObjectMapper json;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public ShopwareTokens(PlatformHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** The request with a valid token. */
    public HttpRequest.Builder authorized(ShopProfile shop, HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + token(shop));
    }

    private String token(ShopProfile shop) {
        Instant now = http.clock().instant();
        Token token = tokens.get(shop.key());
        if (token == null || now.isAfter(token.expires())) {
            token = fetch(shop, now);
            tokens.put(shop.key(), token);
        }
        return token.value();
    }

    private Token fetch(ShopProfile shop, Instant now) {
        try {
            byte[] body = json.writeValueAsBytes(Map.of("grant_type", "client_credentials", "client_id", shop.api().user(),
                    "client_secret", shop.api().password().text()));
            PlatformHttp.Answer answer = http.send(shop, http.request(shop, "/oauth/token").header("Content-Type", "application/json")
                    .POST(PlatformHttp.json(body)));
            JsonNode granted = json.readTree(answer.body());
            // A minute early: a token must not expire between being checked and being used.
            return new Token(granted.path("access_token").asText(), now.plusSeconds(Math.max(0, granted.path("expires_in").asLong(600) - 60)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
