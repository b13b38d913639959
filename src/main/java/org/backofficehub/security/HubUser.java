package org.backofficehub.security;

import java.util.Set;

/** Someone the hub knows: a person at the console or a system calling the API. */
public record HubUser(String name, Set<Role> roles) {

    public HubUser {
        roles = Set.copyOf(roles);
    }

    /** Whether any of {@code wanted} is granted; the administrator is granted every role. */
    public boolean hasAnyOf(Set<Role> wanted) {
        if (roles.contains(Role.ADMIN)) {
            return true;
        }
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
