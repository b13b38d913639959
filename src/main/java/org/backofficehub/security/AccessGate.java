package org.backofficehub.security;

import io.vertx.core.net.SocketAddress;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * Runs before every step of an HTTP route that needs a user (a route configuration's interceptFrom
 * in hub-errors.camel.yaml): a state change from another origin is refused, the user signed in,
 * their roles checked against the route's readers (GET, HEAD) or writers (everything else), and a
 * state change in a form's body type refused. Without all of that, nothing of the route runs.
 */
public final class AccessGate implements Processor {

    /** The signed-in user's name, for the routes that record who did something. */
    public static final String USER_HEADER = "hubUser";
    /**
     * The caller's Authorization header, kept as an exchange property (never a header, which a
     * route could echo back) for a leader-only admin action a follower forwards to the leader: the
     * leader signs the caller in itself (LeaderForwarding).
     */
    public static final String CREDENTIALS_PROPERTY = "hubCallerCredentials";
    private static final String REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";

    private final SignIns signIns;
    private final RequestOrigins origins;
    private final Set<Role> readers;
    private final Set<Role> writers;

    public AccessGate(SignIns signIns, RequestOrigins origins, Set<Role> readers, Set<Role> writers) {
        this.signIns = signIns;
        this.origins = origins;
        this.readers = Set.copyOf(readers);
        this.writers = Set.copyOf(writers);
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        origins.refuseOtherOrigins(message);
        String authorization = message.getHeader("Authorization", String.class);
        message.removeHeader("Authorization");
        HubUser user = signIns.identify(authorization, client(message));
        boolean changes = RequestOrigins.changesState(message);
        Set<Role> needed = changes ? writers : readers;
        if (!user.hasAnyOf(needed)) {
            throw new InputRejectedException(ProblemType.FORBIDDEN, "User " + user.name() + " may not "
                    + (changes ? "change" : "read") + " this: it takes the role " + names(needed));
        }
        origins.refuseFormBodies(message);
        message.setHeader(USER_HEADER, user.name());
        exchange.setProperty(USER_HEADER, user);
        exchange.setProperty(CREDENTIALS_PROPERTY, authorization);
    }

    private static String client(Message message) {
        Object address = message.getHeader(REMOTE_ADDRESS);
        if (address instanceof SocketAddress socket) {
            return socket.hostAddress() != null ? socket.hostAddress() : socket.toString();
        }
        return address == null ? "unknown" : address.toString();
    }

    private static String names(Set<Role> roles) {
        if (roles.isEmpty()) {
            return Role.ADMIN.configName();
        }
        return roles.stream().map(Role::configName).sorted().collect(Collectors.joining(" or ")).toLowerCase(Locale.ROOT)
                + (roles.contains(Role.ADMIN) ? "" : " (or admin)");
    }
}
