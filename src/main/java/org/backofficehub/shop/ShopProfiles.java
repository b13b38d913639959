package org.backofficehub.shop;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.backofficehub.model.Order;

/**
 * The shop profiles in config/shops/*.properties, one file per shop. Every key can be overridden per
 * shop as {@code hub.shop.<file name>.<key>} by system property or environment variable
 * (HUB_SHOP_EU_STORE_SECRET), which is where secrets belong.
 */
public final class ShopProfiles {

    /** Keys name routes, endpoints and the webhook's URL path: nothing that needs escaping anywhere. */
    private static final String KEY = "[a-z0-9][a-z0-9-]{0,30}";
    /** The longest order source the hub store and the ERP keep. */
    private static final int MAX_SOURCE = 35;

    private final List<ShopProfile> profiles;

    public ShopProfiles(List<ShopProfile> profiles) {
        this.profiles = List.copyOf(profiles);
        Set<String> sources = new HashSet<>();
        for (ShopProfile profile : this.profiles) {
            if (!sources.add(profile.source().toUpperCase(Locale.ROOT))) {
                throw new IllegalStateException("Two shop profiles book under source " + profile.source()
                        + "; each shop needs its own, or their order numbers collide");
            }
        }
    }

    /**
     * @param mappings the folder of the shipped mappings ({@code <platform>-order.jsonata}), for shops that name none
     */
    public static ShopProfiles load(Path directory, Path mappings, UnaryOperator<String> overrides) {
        List<ShopProfile> loaded = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList()) {
                    loaded.add(read(file, mappings, overrides));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read shop profiles in " + directory, e);
            }
        }
        return new ShopProfiles(loaded);
    }

    public List<ShopProfile> all() {
        return profiles;
    }

    /** The shops whose orders the hub takes (a disabled profile is as good as absent). */
    public List<ShopProfile> enabled() {
        return profiles.stream().filter(ShopProfile::enabled).toList();
    }

    public Optional<ShopProfile> byKey(String key) {
        return enabled().stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** The enabled shop whose orders carry this source, if any. */
    public Optional<ShopProfile> bySource(String source) {
        return enabled().stream().filter(p -> p.source().equalsIgnoreCase(source)).findFirst();
    }

    static ShopProfile read(Path file, Path mappings, UnaryOperator<String> overrides) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read shop profile " + file, e);
        }
        String key = file.getFileName().toString().replaceFirst("\\.properties$", "");
        String where = "Shop profile " + file + ": ";
        if (!key.matches(KEY)) {
            throw new IllegalStateException(where + "the file name is the shop's key in its webhook URL and settings: lower-case"
                    + " letters, digits and '-', at most 31 characters");
        }
        Setting setting = new Setting(key, properties, overrides);
        try {
            Platform platform = Platform.parse(setting.required("platform"));
            String source = setting.optional("source", platform.name() + ":" + key);
            if (source.length() > MAX_SOURCE || Order.WEBSTORE.equalsIgnoreCase(source)) {
                throw new IllegalStateException("'source' is '" + source + "'; it has at most " + MAX_SOURCE + " characters and is not "
                        + Order.WEBSTORE + " (the hub's own web store's orders)");
            }
            String mapping = setting.optional("mapping", "");
            Path mappingFile = mapping.isEmpty() ? mappings.resolve(platform.id() + "-order.jsonata") : Path.of(mapping);
            if (!Files.isRegularFile(mappingFile)) {
                throw new IllegalStateException("the mapping " + mappingFile + " is not there");
            }
            ShopProfile.Api api = new ShopProfile.Api(setting.optional("api.url", "").replaceFirst("/+$", ""),
                    ShopSecret.of(setting.optional("api.token", "")), setting.optional("api.user", ""),
                    ShopSecret.of(setting.optional("api.password", "")));
            ShopProfile.Pull pull = new ShopProfile.Pull(Boolean.parseBoolean(setting.optional("pull", "false")),
                    instant(setting.optional("pull.since", "")), Integer.parseInt(setting.optional("pull.page-size", "100")),
                    Duration.parse(setting.optional("pull.interval", "PT5M")));
            boolean enabled = Boolean.parseBoolean(setting.optional("enabled", "true"));
            if (enabled && pull.on() && !api.configured()) {
                throw new IllegalStateException("pulling orders needs the platform's API: set api.url and its credentials");
            }
            if (enabled && !platform.sendsWebhooks() && !pull.on()) {
                throw new IllegalStateException(platform.id() + " sends no order webhook; set pull = true to take its orders");
            }
            return new ShopProfile(key, platform, source, enabled, ShopSecret.of(setting.optional("secret", "")),
                    setting.optional("route", "shop-orders"), "file:" + mappingFile.toAbsolutePath().normalize(), api, pull,
                    // Status goes back through the platform's API: a shop without one hears nothing (webhooks need none).
                    Boolean.parseBoolean(setting.optional("status.back", "true")) && api.configured());
        } catch (IllegalStateException | IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalStateException(where + e.getMessage(), e);
        }
    }

    private static Instant instant(String text) {
        return text.isEmpty() ? null : Instant.parse(text);
    }

    /** A profile's setting, overridden by hub.shop.&lt;key&gt;.&lt;name&gt; where that is set. */
    private record Setting(String key, Properties properties, UnaryOperator<String> overrides) {

        String optional(String name, String fallback) {
            String override = overrides.apply("hub.shop." + key + "." + name);
            String value = override != null ? override : properties.getProperty(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        String required(String name) {
            String value = optional(name, "");
            if (value.isEmpty()) {
                throw new IllegalStateException("'" + name + "' is missing");
            }
            return value;
        }
    }
}
