package org.backofficehub.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.model.RetryLaterException;
import org.backofficehub.util.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who sent a request, from its HTTP Basic credentials, throttled per client address and user. A password
 * checked once is remembered for a while by a digest of the credentials, so that a web store
 * posting orders pays for bcrypt once, not per order; a change of the users file forgets them.
 */
public final class SignIns {

    private static final Logger LOG = LoggerFactory.getLogger(SignIns.class);
    private static final long REMEMBERED_NANOS = Duration.ofMinutes(5).toNanos();
    private static final int MAX_REMEMBERED = 10_000;

    private record Verified(HubUser user, long generation, long at) {
    }

    private final UserDirectory users;
    private final SignInThrottle throttle;
    private final ConcurrentMap<String, Verified> verified = new ConcurrentHashMap<>();

    public SignIns(UserDirectory users, SignInThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    /**
     * The user named by {@code authorization} (an Authorization header) sent from {@code client};
     * else a 401 or 429 refusal. Wrong passwords are counted per client address and user name, so
     * that guessing one user's password locks out that user from that address only (not the web
     * store posting orders from the same host), and another user's success clears nothing.
     */
    public HubUser identify(String authorization, String client) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized("Credentials are required (HTTP Basic)");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized("The Authorization header is not valid Basic credentials");
        }
        int colon = decoded.indexOf(':');
        String name = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        String attempt = client + " " + name;
        Optional<Duration> wait = throttle.lockedOutFor(attempt);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new RetryLaterException(ProblemType.TOO_MANY_SIGN_IN_FAILURES,
                    "Too many wrong passwords for this user from this address: try again in " + seconds + " s", seconds);
        }
        // Keyed by what was decoded, not the header as sent: "bAsic" and "Basic" are one sign-in.
        String key = remembered(decoded);
        long generation = users.generation();
        Verified known = verified.get(key);
        if (known != null && known.generation() == generation && System.nanoTime() - known.at() < REMEMBERED_NANOS) {
            return known.user();
        }
        Optional<HubUser> user = users.authenticate(name, password);
        if (user.isEmpty()) {
            if (throttle.failed(attempt)) {
                LOG.warn("Sign-in locked out for user '{}' from {} after repeated wrong passwords", Texts.clip(name, 64), client);
            }
            throw unauthorized("Wrong user or password");
        }
        throttle.succeeded(attempt);
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(key, new Verified(user.get(), generation, System.nanoTime()));
        return user.get();
    }

    private static InputRejectedException unauthorized(String detail) {
        return new InputRejectedException(ProblemType.UNAUTHORIZED, detail);
    }

    /** A digest of the credentials: the map never holds a password. */
    private static String remembered(String credentials) {
        return HexFormat.of().formatHex(UserDirectory.digest(credentials));
    }
}
