package org.backofficehub.edi.partners;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.backofficehub.edi.AckType;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;

/**
 * The partner profiles in config/partners/*.properties, one file per partner. Every key can be
 * overridden per partner as {@code hub.partner.<file name>.<key>}, by system property or by
 * environment variable (HUB_PARTNER_ACME_ACK), like every other setting of the hub.
 */
public final class PartnerProfiles {

    private final List<PartnerProfile> profiles;
    private final boolean acceptUnknown;
    private final String ourDefaultId;

    public PartnerProfiles(List<PartnerProfile> profiles, boolean acceptUnknown, String ourDefaultId) {
        this.profiles = List.copyOf(profiles);
        this.acceptUnknown = acceptUnknown;
        this.ourDefaultId = ourDefaultId;
    }

    public static PartnerProfiles load(Path directory, boolean acceptUnknown, String ourDefaultId, UnaryOperator<String> overrides) {
        List<PartnerProfile> loaded = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList()) {
                    loaded.add(read(file, overrides));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read partner profiles in " + directory, e);
            }
        }
        return new PartnerProfiles(loaded, acceptUnknown, ourDefaultId);
    }

    public List<PartnerProfile> all() {
        return profiles;
    }

    public Optional<PartnerProfile> byId(String partnerId) {
        return profiles.stream().filter(p -> p.partnerId().equalsIgnoreCase(partnerId)).findFirst();
    }

    /**
     * The profile of the interchange's sender; a stand-in when unknown senders are accepted, else
     * empty. Never a stand-in for the hub's own ids: a document the hub sent is not read back as an order.
     */
    public Optional<PartnerProfile> forSender(Envelope envelope, String groupVersion) {
        Optional<PartnerProfile> known = profiles.stream().filter(p -> p.sends(envelope)).findFirst();
        if (known.isPresent() || !acceptUnknown || isOurs(envelope.senderId())) {
            return known;
        }
        String version = envelope.standard() == EdiStandard.X12 ? groupVersion : null;
        String safeId = envelope.senderId().replaceAll("[^A-Za-z0-9._-]", "_");
        return Optional.of(new PartnerProfile(envelope.senderId(), envelope.senderId(), envelope.standard(), version,
                envelope.senderId(), envelope.senderQualifier(),
                envelope.recipientId().isEmpty() ? ourDefaultId : envelope.recipientId(), envelope.recipientQualifier(),
                envelope.senderId(), envelope.recipientId(),
                envelope.standard() == EdiStandard.EDIFACT ? Set.of("ORDERS") : Set.of("850"),
                envelope.standard() == EdiStandard.EDIFACT ? Set.of("ORDRSP") : Set.of("855"),
                AckType.defaultFor(envelope.standard(), version), "unknown-" + safeId, PartnerProfile.STAEDI, false, null, null,
                OrderPolicy.DEFAULT));
    }

    /** Whether an interchange id is one the hub sends under. */
    public boolean isOurs(String interchangeId) {
        return ourDefaultId.equals(interchangeId) || profiles.stream().anyMatch(p -> p.ourId().equals(interchangeId));
    }

    static PartnerProfile read(Path file, UnaryOperator<String> overrides) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read partner profile " + file, e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.properties$", "");
        Setting setting = new Setting(file, name, properties, overrides);
        EdiStandard standard = EdiStandard.valueOf(setting.required("standard").toUpperCase(Locale.ROOT));
        String interchangeId = setting.required("interchange.id");
        String ourId = setting.required("our.id");
        return new PartnerProfile(setting.required("partner"), setting.optional("name", name), standard,
                setting.required("version"), interchangeId, setting.optional("interchange.qualifier", ""), ourId,
                setting.optional("our.qualifier", ""), setting.optional("group.id", interchangeId),
                setting.optional("our.group.id", ourId), setting.list("documents.in"), setting.list("documents.out"),
                AckType.parse(setting.optional("ack", "none")), setting.optional("outbox", name),
                setting.optional("engine", PartnerProfile.STAEDI).toLowerCase(Locale.ROOT), true, remote(setting), encoding(setting), orders(setting));
    }

    private static boolean unsettled(Setting setting) {
        String unsettled = setting.optional("unsettled", "respond").toLowerCase(Locale.ROOT);
        return switch (unsettled) {
            case "respond" -> false;
            case "hold" -> true;
            default -> throw new IllegalStateException("Partner profile " + setting.file() + ": 'unsettled' is " + unsettled
                    + "; it is respond (refused in the order response) or hold (kept for an administrator)");
        };
    }

    private static OrderPolicy orders(Setting setting) {
        String buyerFrom = setting.optional("buyer.from", "");
        String tests = setting.optional("test.interchanges", "acknowledge").toLowerCase(Locale.ROOT);
        if (!tests.equals("acknowledge") && !tests.equals("book")) {
            throw new IllegalStateException("Partner profile " + setting.file() + ": 'test.interchanges' is " + tests
                    + "; it is acknowledge (answered, not booked) or book");
        }
        try {
            return new OrderPolicy(buyerFrom.isEmpty() ? OrderPolicy.DEFAULT.buyerFrom()
                    : Arrays.stream(buyerFrom.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(), tests.equals("book"),
                    setting.optional("currency", "").isEmpty() ? null : setting.optional("currency", "").toUpperCase(Locale.ROOT),
                    unsettled(setting));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Partner profile " + setting.file() + ": " + e.getMessage(), e);
        }
    }

    private static Charset encoding(Setting setting) {
        String name = setting.optional("encoding", "");
        if (name.isEmpty()) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Partner profile " + setting.file() + ": 'encoding' is " + name
                    + ", which this JVM does not know (ISO-8859-1, UTF-8, windows-1252 ... )");
        }
    }

    private static PartnerRemote remote(Setting setting) {
        String address = setting.optional("remote", "");
        if (address.isEmpty()) {
            return null;
        }
        String partnerId = setting.required("partner");
        return PartnerRemote.parse(partnerId, address, setting.optional("remote.user", ""), setting.optional("remote.password", ""),
                setting.optional("remote.inbound", "/outbound"), setting.optional("remote.outbound", "/inbound"),
                Long.parseLong(setting.optional("remote.poll-delay-ms", "5000")), setting.optional("remote.known-hosts", ""),
                setting.optional("remote.options", ""));
    }

    private record Setting(Path file, String name, Properties properties, UnaryOperator<String> overrides) {

        String optional(String key, String fallback) {
            String override = overrides.apply("hub.partner." + name + "." + key);
            if (override != null) {
                return override.trim();
            }
            String value = properties.getProperty(key);
            return value == null ? fallback : value.trim();
        }

        String required(String key) {
            String value = optional(key, "");
            if (value.isEmpty()) {
                throw new IllegalStateException("Partner profile " + file + " has no '" + key + "'");
            }
            return value;
        }

        Set<String> list(String key) {
            return Arrays.stream(optional(key, "").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
