package org.backofficehub.shop;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A shop's webhook secret or API credential. Never printed: a profile in a log line or an error
 * message shows whether a secret is set, not the secret.
 */
public final class ShopSecret {

    private static final ShopSecret NONE = new ShopSecret(new byte[0]);

    private final byte[] value;

    private ShopSecret(byte[] value) {
        this.value = value;
    }

    public static ShopSecret of(String value) {
        return value == null || value.isEmpty() ? NONE : new ShopSecret(value.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isSet() {
        return value.length > 0;
    }

    byte[] bytes() {
        return Arrays.copyOf(value, value.length);
    }

    /** For an Authorization header or a token request, where the platform needs it as text. */
    String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return isSet() ? "(set)" : "(none)";
    }
}
