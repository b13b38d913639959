package org.backofficehub.http;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.KeyStoreOptionsBase;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.spi.PropertiesComponent;

/**
 * TLS on the hub's own port (settings {@code hub.http.tls.*}): the server's key and certificate
 * from a PKCS12 or JKS keystore, and the protocol versions it speaks, TLS 1.2 and 1.3 at most.
 * Off while no keystore is named. The keystore is opened here, when the server is made, so a
 * wrong path or password stops the start naming the setting, rather than surfacing later as a
 * handshake that fails for every client.
 */
record ServerTls(Path keystore, String password, String type, Set<String> protocols) {

    static final String KEYSTORE = "hub.http.tls.keystore";
    static final String PASSWORD = "hub.http.tls.keystore-password";
    static final String TYPE = "hub.http.tls.keystore-type";
    static final String PROTOCOLS = "hub.http.tls.protocols";
    // Older versions have known weaknesses (RFC 8996 deprecates 1.0 and 1.1); nothing newer exists yet.
    private static final List<String> SPOKEN = List.of("TLSv1.3", "TLSv1.2");

    ServerTls {
        protocols = Collections.unmodifiableSet(new LinkedHashSet<>(protocols));
        if (protocols.isEmpty() || !SPOKEN.containsAll(protocols)) {
            throw new IllegalArgumentException(PROTOCOLS + " must name TLSv1.3 and/or TLSv1.2, not '" + String.join(",", protocols) + "'");
        }
        if (!type.equals("PKCS12") && !type.equals("JKS")) {
            throw new IllegalArgumentException(TYPE + " must be PKCS12 or JKS, not '" + type + "'");
        }
        requireUsable(keystore, password, type);
    }

    /** TLS as the settings say, or empty for plain HTTP (no keystore named). */
    static Optional<ServerTls> from(PropertiesComponent settings) {
        String keystore = setting(settings, KEYSTORE);
        if (keystore.isEmpty()) {
            return Optional.empty();
        }
        Set<String> protocols = new LinkedHashSet<>();
        Arrays.stream(setting(settings, PROTOCOLS).split(",")).map(String::trim).filter(p -> !p.isEmpty()).forEach(protocols::add);
        return Optional.of(new ServerTls(Path.of(keystore), setting(settings, PASSWORD),
                setting(settings, TYPE).toUpperCase(Locale.ROOT), protocols));
    }

    void applyTo(HttpServerOptions options) {
        KeyStoreOptionsBase key = type.equals("JKS") ? new JksOptions() : new PfxOptions();
        key.setPath(keystore.toAbsolutePath().toString()).setPassword(password);
        options.setSsl(true)
                .setKeyCertOptions(key)
                .setEnabledSecureTransportProtocols(protocols)
                // No ALPN: HTTP/1.1 only over TLS. HTTP/2 streams would bypass RequestDeadlines,
                // which guards HTTP/1.1 connections alone.
                .setUseAlpn(false);
    }

    private static void requireUsable(Path keystore, String password, String type) {
        if (!Files.isRegularFile(keystore) || !Files.isReadable(keystore)) {
            throw new IllegalStateException("The TLS keystore " + keystore.toAbsolutePath() + " (" + KEYSTORE + ") is not a readable file");
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance(type);
            store.load(in, password.toCharArray());
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password");
            throw new IllegalStateException("The TLS keystore " + keystore.toAbsolutePath() + " (" + KEYSTORE + ") cannot be opened: "
                    + (wrongPassword ? "the password is wrong (" + PASSWORD + ")" : e.getMessage() + " (is it a " + type + " keystore? " + TYPE + ")"), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The TLS keystore " + keystore.toAbsolutePath() + " (" + KEYSTORE + ") cannot be read as "
                    + type + " (" + TYPE + "): " + e.getMessage(), e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    store.getKey(alias, password.toCharArray());
                    return;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The TLS keystore's key cannot be read with " + PASSWORD
                    + " (the key needs the keystore's password): " + e.getMessage(), e);
        }
        throw new IllegalStateException("The TLS keystore " + keystore.toAbsolutePath() + " (" + KEYSTORE
                + ") holds no private key and certificate for the server");
    }

    private static String setting(PropertiesComponent settings, String key) {
        return settings.resolveProperty(key).map(String::trim)
                .orElseThrow(() -> new IllegalStateException("The setting " + key + " is missing (config/application.properties)"));
    }

    /** The password stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "ServerTls[" + keystore + ", " + type + ", " + protocols + "]";
    }
}
