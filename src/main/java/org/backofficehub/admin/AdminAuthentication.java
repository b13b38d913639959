package org.backofficehub.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * HTTP Basic authentication for everything under /admin. Without valid credentials nothing
 * behind it runs, so nothing changes.
 */
public final class AdminAuthentication implements Processor {

    public static final String ADMIN_USER_HEADER = "hubAdminUser";

    private final byte[] expectedUser;
    private final byte[] expectedPassword;

    public AdminAuthentication(String user, String password) {
        this.expectedUser = user.getBytes(StandardCharsets.UTF_8);
        this.expectedPassword = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void process(Exchange exchange) {
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        exchange.getMessage().removeHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized("Admin credentials are required (HTTP Basic)");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized("The Authorization header is not valid Basic credentials");
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        // Both compared in constant time, and both always, so timing tells nothing about which was wrong.
        boolean userMatches = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8), expectedUser);
        boolean passwordMatches = MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), expectedPassword);
        if (!(userMatches & passwordMatches)) {
            throw unauthorized("Wrong admin user or password");
        }
        exchange.getMessage().setHeader(ADMIN_USER_HEADER, user);
    }

    private static InputRejectedException unauthorized(String detail) {
        return new InputRejectedException(ProblemType.UNAUTHORIZED, detail);
    }
}
