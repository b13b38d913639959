package org.backofficehub.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.backofficehub.api.JsonReply;
import org.backofficehub.security.AccessGate;
import org.backofficehub.security.HubUser;
import org.backofficehub.security.Role;

/** {@code GET /admin/me}: who the console is signed in as, so it offers an operator no change it would refuse. */
public final class SignedInUser {

    private final ObjectMapper json;

    public SignedInUser(ObjectMapper json) {
        this.json = json;
    }

    public void show(Exchange exchange) throws IOException {
        HubUser user = exchange.getProperty(AccessGate.USER_HEADER, HubUser.class);
        JsonReply.write(exchange.getMessage(), 200, json.writeValueAsBytes(Map.of("user", user.name(),
                "roles", user.roles().stream().map(Role::configName).sorted().toList(),
                "mayChange", user.hasAnyOf(java.util.Set.of(Role.ADMIN)),
                "mayReadCustomers", user.hasAnyOf(java.util.Set.of(Role.REPORTING)))));
    }
}
