package org.backofficehub;

import org.backofficehub.admin.AdminCli;

/**
 * Starts the Backoffice Hub daemon from the current directory's config/ and routes/, or, as
 * {@code admin ...}, runs the command-line client against a running hub.
 */
public final class Hub {

    private Hub() {
    }

    public static void main(String[] args) throws Exception {
        if (AdminCli.handles(args)) {
            System.exit(AdminCli.run(args));
        }
        new HubMain().run(args);
    }
}
