package org.backofficehub.outbound;

/** Something the hub owes another system: a file for accounting, a notice for the web store, an EDI document. */
public record OutboundMessage(long id, String routeId, String kind, String name, byte[] payload, int attempts) {

    /** Not yet stored: what a producer hands to {@link OutboundMessages#enqueue}. */
    public static OutboundMessage of(String routeId, String kind, String name, byte[] payload) {
        return new OutboundMessage(0, routeId, kind, name, payload, 0);
    }
}
