package org.backofficehub;

/** Starts the Backoffice Hub daemon from the current directory's config/ and routes/. */
public final class Hub {

    private Hub() {
    }

    public static void main(String[] args) throws Exception {
        new HubMain().run(args);
    }
}
