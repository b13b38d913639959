package org.backofficehub.model;

/** Identifies one order across channels: who numbered it, and the number they gave it. */
public record OrderKey(String source, String orderId) {

    @Override
    public String toString() {
        return source + "/" + orderId;
    }
}
