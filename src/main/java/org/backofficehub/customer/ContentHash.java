package org.backofficehub.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.backofficehub.model.Address;
import org.backofficehub.model.PartyIdentifier;

/**
 * What a party says, as a short digest: the key of an order party's source record, and how a
 * stored record notices that its system changed it.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(String name, String email, String phone, Address a, PartyIdentifier id) {
        String content = String.join("\u0001", String.valueOf(name), String.valueOf(email), String.valueOf(phone),
                a == null ? "-" : a.street() + "\u0002" + a.city() + "\u0002" + a.postalCode() + "\u0002" + a.country(),
                id == null ? "-" : id.scheme() + ":" + id.value());
        return sha256(content).substring(0, 32);
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
