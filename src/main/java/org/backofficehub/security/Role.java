package org.backofficehub.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a user of the hub may do. Roles are granted one by one; only {@link #ADMIN} stands for all
 * the others, so a reporting user is no operator and the web store reads no customer.
 */
public enum Role {
    /** The web store's API client: posts orders and reads their status. */
    WEBSTORE,
    /** Reads the customer master, its reports and every channel's orders. */
    REPORTING,
    /** Reads everything under /admin (routes, failures, partners), changes nothing. */
    OPERATOR,
    /** Everything. */
    ADMIN;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code "admin,reporting"} as the users file writes roles; an unknown name is refused naming it. */
    public static Set<Role> parseList(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                roles.add(valueOf(trimmed.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown role '" + trimmed + "' (roles: webstore, reporting, operator, admin)");
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("No role given (roles: webstore, reporting, operator, admin)");
        }
        return roles;
    }
}
