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
import java.util.Map;
import java.time.Duration;
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
import org.backofficehub.model.Order;
import org.backofficehub.util.Texts;

/**
 * The partner profiles in config/partners/*.properties, one file per partner. Every key can be
 * overridden per partner as {@code hub.partner.<file name>.<key>}, by system property or by
 * environment variable (HUB_PARTNER_ACME_ACK), like every other setting of the hub.
 */
public final class PartnerProfiles {

    /** The longest partner id (and order source) the hub store and the ERP keep. */
    static final int MAX_ID = 35;

    /** Where profiles are read from unless hub.partners.dir says otherwise: named to whoever must add one. */
    static final Path DEFAULT_DIRECTORY = Path.of("config/partners");

    /** A profile file's name without .properties: what the administrator names a new partner's file. */
    public static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,34}");

    // Replaced whole when an administrator saves a profile, so readers never see half a change.
    private volatile List<PartnerProfile> profiles;
    private volatile Map<String, String> fileNames;
    private final boolean acceptUnknown;
    private final String ourDefaultId;
    private final Path directory;
    private final UnaryOperator<String> overrides;

    public PartnerProfiles(List<PartnerProfile> profiles, boolean acceptUnknown, String ourDefaultId) {
        this(profiles, Map.of(), acceptUnknown, ourDefaultId, DEFAULT_DIRECTORY, key -> null);
    }

    private PartnerProfiles(List<PartnerProfile> profiles, Map<String, String> fileNames, boolean acceptUnknown, String ourDefaultId,
                            Path directory, UnaryOperator<String> overrides) {
        this.profiles = List.copyOf(profiles);
        this.fileNames = Map.copyOf(fileNames);
        this.acceptUnknown = acceptUnknown;
        this.ourDefaultId = ourDefaultId;
        this.directory = directory;
        this.overrides = overrides;
    }

    /**
     * The setting hub.partners.unknown: {@code reject} (the default: an interchange from a sender
     * without a profile is quarantined, nothing booked, nothing answered) or {@code accept} (a
     * stand-in profile, see {@link #forSender}). Anything else stops the hub at start.
     */
    public static boolean acceptsUnknown(String setting) {
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "accept" -> true;
            case "reject" -> false;
            default -> throw new IllegalStateException("hub.partners.unknown is accept or reject, not '" + setting + "'");
        };
    }

    public static PartnerProfiles load(Path directory, boolean acceptUnknown, String ourDefaultId, UnaryOperator<String> overrides) {
        List<PartnerProfile> loaded = new ArrayList<>();
        Map<String, String> fileNames = new java.util.HashMap<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList()) {
                    PartnerProfile profile = read(file, overrides);
                    loaded.add(profile);
                    fileNames.put(profile.partnerId(), baseName(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read partner profiles in " + directory, e);
            }
        }
        return new PartnerProfiles(loaded, fileNames, acceptUnknown, ourDefaultId, directory, overrides);
    }

    /** A partner's profile file as it is written (comments and all), if it has one. */
    public Optional<ProfileFile> file(String partnerId) {
        return byId(partnerId).map(profile -> fileNames.get(profile.partnerId())).map(name -> {
            try {
                return new ProfileFile(name, Files.readString(directory.resolve(name + ".properties"), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the profile of " + partnerId, e);
            }
        });
    }

    /** A profile file: its name without .properties, and its text. */
    public record ProfileFile(String name, String text) {
    }

    /**
     * The profile this file's text would be, checked as at start (written to a scratch folder and
     * read from there); the hub is not changed. {@link IllegalStateException} names what is wrong.
     */
    public PartnerProfile candidate(ProfileFile file) {
        if (!FILE_NAME.matcher(file.name()).matches()) {
            throw new IllegalStateException("A profile's file name takes lower-case letters, digits, '-' and '_' (at most 35), not '"
                    + Texts.clip(file.name(), 40) + "'");
        }
        try {
            Path scratch = Files.createTempDirectory("partner-profile-");
            try {
                Path written = Files.writeString(scratch.resolve(file.name() + ".properties"), file.text(), StandardCharsets.UTF_8);
                try {
                    return read(written, overrides);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    // Named as the administrator knows it, not by the scratch folder's path.
                    throw new IllegalStateException(String.valueOf(e.getMessage()).replace(written.toString(), file.name() + ".properties"), e);
                }
            } finally {
                try (Stream<Path> left = Files.list(scratch)) {
                    for (Path path : left.toList()) {
                        Files.deleteIfExists(path);
                    }
                }
                Files.deleteIfExists(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the profile " + file.name(), e);
        }
    }

    /**
     * Writes the profile's file into the partners folder and takes the profile at once, in place
     * of the one of the same file or partner id. Refused, changing nothing, when another file's
     * profile has the same partner id or the same interchange id and qualifier: two profiles
     * would claim one sender.
     */
    public synchronized void install(ProfileFile file, PartnerProfile profile) {
        for (PartnerProfile other : profiles) {
            if (file.name().equals(fileNames.get(other.partnerId()))) {
                continue;
            }
            if (other.partnerId().equalsIgnoreCase(profile.partnerId())) {
                throw new IllegalStateException("Partner " + profile.partnerId() + " has a profile already, in "
                        + fileNames.get(other.partnerId()) + ".properties");
            }
            if (other.interchangeId().equals(profile.interchangeId()) && other.interchangeQualifier().equals(profile.interchangeQualifier())) {
                throw new IllegalStateException("Interchange id " + profile.interchangeId() + " is partner " + other.partnerId() + "'s already");
            }
        }
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + file.name() + "-", ".tmp");
            Files.writeString(temporary, file.text(), StandardCharsets.UTF_8);
            Files.move(temporary, directory.resolve(file.name() + ".properties"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the profile " + file.name() + " into " + directory, e);
        }
        List<PartnerProfile> changed = new ArrayList<>();
        Map<String, String> names = new java.util.HashMap<>();
        for (PartnerProfile other : profiles) {
            String name = fileNames.get(other.partnerId());
            if (!file.name().equals(name)) {
                changed.add(other);
                names.put(other.partnerId(), name);
            }
        }
        changed.add(profile);
        names.put(profile.partnerId(), file.name());
        fileNames = Map.copyOf(names);
        profiles = List.copyOf(changed);
    }

    private static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.properties$", "");
    }

    public List<PartnerProfile> all() {
        return profiles;
    }

    public Optional<PartnerProfile> byId(String partnerId) {
        return profiles.stream().filter(p -> p.partnerId().equalsIgnoreCase(partnerId)).findFirst();
    }

    /**
     * The profile of the interchange's sender; a stand-in when unknown senders are accepted, else
     * empty. Never a stand-in for the hub's own ids: a document the hub sent is not read back as an
     * order; nor for a sender id no envelope can carry: there is no one to answer.
     *
     * <p>A stand-in answers under values the standard allows, never under invalid ones taken from
     * the inbound envelope: a qualifier that is no valid code becomes ZZ (X12, mutually defined) or
     * is left out (EDIFACT, where it is optional); an invalid recipient id becomes the hub's own.
     * Its partner id, which is also its orders' source, is {@link #standInId}.
     */
    public Optional<PartnerProfile> forSender(Envelope envelope, String groupVersion) {
        Optional<PartnerProfile> known = profiles.stream().filter(p -> p.sends(envelope)).findFirst();
        if (known.isPresent() || !acceptUnknown || isOurs(envelope.senderId())) {
            return known;
        }
        EdiStandard standard = envelope.standard();
        if (!EnvelopeSyntax.validInterchangeId(standard, envelope.senderId())) {
            return Optional.empty();
        }
        boolean x12 = standard == EdiStandard.X12;
        String version = x12 ? groupVersion : null;
        String partnerId = standInId(envelope);
        String theirQualifier = qualifierOrFallback(standard, envelope.senderQualifier());
        boolean addressedWell = EnvelopeSyntax.validInterchangeId(standard, envelope.recipientId());
        String ourId = addressedWell ? envelope.recipientId() : ourDefaultId;
        String ourQualifier = addressedWell ? qualifierOrFallback(standard, envelope.recipientQualifier())
                : x12 ? EnvelopeSyntax.X12_FALLBACK_QUALIFIER : "";
        return Optional.of(new PartnerProfile(partnerId, envelope.senderId(), standard, version,
                envelope.senderId(), theirQualifier, ourId, ourQualifier, groupId(envelope.senderId()), groupId(ourId),
                x12 ? Set.of("850") : Set.of("ORDERS"), x12 ? Set.of("855") : Set.of("ORDRSP"),
                AckType.defaultFor(standard, version), "unknown-" + partnerId.replaceAll("[^A-Za-z0-9._-]", "_"),
                PartnerProfile.STAEDI, false, null, null, OrderPolicy.DEFAULT));
    }

    /**
     * Why an interchange from a sender without a profile is refused, and how to have it read: for
     * its reason file and failure record, where the administrator who finds it looks. Profiles are
     * read when the hub starts, so a profile added later takes a restart before the replay.
     */
    public String unknownSender(Envelope envelope) {
        String qualifier = envelope.senderQualifier();
        String sender = "no partner profile for sender " + envelope.senderId() + (qualifier.isEmpty() ? "" : " (qualifier " + qualifier + ")");
        if (acceptUnknown) {
            // Only a sender id no envelope can carry gets no stand-in: there is no one to answer.
            return sender + ", an id no " + (envelope.standard() == EdiStandard.X12 ? "ISA" : "UNB")
                    + " can carry, so no stand-in profile either: nothing of the interchange was booked and no acknowledgement sent";
        }
        return sender + ", and hub.partners.unknown = reject: nothing of the interchange was booked and no acknowledgement sent"
                + " (no profile says where to). To accept this sender, add a partner profile for it (interchange.id = "
                + envelope.senderId() + (qualifier.isEmpty() ? "" : ", interchange.qualifier = " + qualifier)
                + ") on the console's Partners page, taken at once, or as a file in " + directory
                + "/, read at the next start; then replay this failure;"
                + " or set hub.partners.unknown = accept to read every unknown sender with a stand-in profile";
    }

    /**
     * The partner id of an unknown sender's stand-in profile, which is also the source of its
     * orders: the standard, the sender's qualifier and its id, as {@code X12:ZZ:STRANGERCO} or
     * {@code UN:14:4012345000009}. Unique to the sender (the same id under another qualifier or
     * standard is another partner), and never a configured partner's id or a hub channel's
     * ({@code WEBSTORE}): those may not contain ':'. At most 35 characters, as the stores keep
     * them; a longer one keeps its start and a digest of the whole.
     */
    public static String standInId(Envelope envelope) {
        String qualifier = envelope.senderQualifier().matches("[A-Za-z0-9]{1,4}") ? envelope.senderQualifier() : "";
        String id = (envelope.standard() == EdiStandard.X12 ? "X12" : "UN") + ":" + qualifier + ":" + envelope.senderId();
        return Texts.fit(id, MAX_ID);
    }

    private static String qualifierOrFallback(EdiStandard standard, String qualifier) {
        if (EnvelopeSyntax.validQualifier(standard, qualifier)) {
            return qualifier;
        }
        return standard == EdiStandard.X12 ? EnvelopeSyntax.X12_FALLBACK_QUALIFIER : "";
    }

    /** A GS02/GS03 code for a valid interchange id (X12 writes GS only): the id, padded to GS's minimum of two characters. */
    private static String groupId(String interchangeId) {
        return interchangeId.length() < 2 ? String.format("%-2s", interchangeId) : interchangeId;
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
        return checked(file, new PartnerProfile(setting.required("partner"), setting.optional("name", name), standard,
                setting.required("version"), interchangeId, setting.optional("interchange.qualifier", ""), ourId,
                setting.optional("our.qualifier", ""), setting.optional("group.id", interchangeId),
                setting.optional("our.group.id", ourId), setting.list("documents.in"), setting.list("documents.out"),
                AckType.parse(setting.optional("ack", "none")), setting.optional("outbox", name),
                setting.optional("engine", PartnerProfile.STAEDI).toLowerCase(Locale.ROOT), true, remote(setting), encoding(setting), orders(setting),
                ackExpectedWithin(setting)));
    }

    /** {@code ack.expected-within}: an ISO-8601 duration (PT24H, P2D); empty or absent, no window. */
    private static Duration ackExpectedWithin(Setting setting) {
        String window = setting.optional("ack.expected-within", "");
        if (window.isEmpty()) {
            return null;
        }
        try {
            Duration parsed = Duration.parse(window);
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalStateException("Partner profile " + setting.file() + ": 'ack.expected-within' must be positive, not " + window);
            }
            return parsed;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("Partner profile " + setting.file() + ": 'ack.expected-within' is " + window
                    + ", not an ISO-8601 duration such as PT24H");
        }
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

    /**
     * A profile the hub can write every envelope of: its ids and qualifiers as the standard allows
     * them (checked against the same control schemas the hub's writer enforces), and a partner id
     * that can be no stand-in's and no hub channel's. A wrong one stops the hub at start, naming the
     * file, rather than failing every document written to the partner.
     */
    static PartnerProfile checked(Path file, PartnerProfile profile) {
        String where = "Partner profile " + file + ": ";
        String id = profile.partnerId();
        if (id.contains(":") || id.length() > MAX_ID || Order.WEBSTORE.equalsIgnoreCase(id)) {
            throw new IllegalStateException(where + "'partner' is '" + id + "'; a partner id has at most " + MAX_ID
                    + " characters, no ':' (those name unknown senders' stand-ins) and is not " + Order.WEBSTORE + " (the web store's orders)");
        }
        EdiStandard standard = profile.standard();
        boolean x12 = standard == EdiStandard.X12;
        checkId(where, "interchange.id", standard, profile.interchangeId());
        checkId(where, "our.id", standard, profile.ourId());
        checkQualifier(where, "interchange.qualifier", standard, profile.interchangeQualifier(), x12);
        checkQualifier(where, "our.qualifier", standard, profile.ourQualifier(), x12);
        if (x12) {
            for (String[] group : new String[][] {{"group.id", profile.groupId()}, {"our.group.id", profile.ourGroupId()}}) {
                if (!EnvelopeSyntax.validGroupId(group[1])) {
                    throw new IllegalStateException(where + "'" + group[0] + "' is '" + group[1] + "'; GS02/GS03 take 2 to 15 characters, none of "
                            + EnvelopeSyntax.X12_DELIMITERS);
                }
            }
        }
        return profile;
    }

    private static void checkId(String where, String key, EdiStandard standard, String id) {
        if (!EnvelopeSyntax.validInterchangeId(standard, id)) {
            throw new IllegalStateException(where + "'" + key + "' is '" + id + "'; " + (standard == EdiStandard.X12
                    ? "ISA06/ISA08 take 1 to 15 characters, none of " + EnvelopeSyntax.X12_DELIMITERS : "UNB takes 1 to 35 characters"));
        }
    }

    private static void checkQualifier(String where, String key, EdiStandard standard, String qualifier, boolean required) {
        if (qualifier.isEmpty() ? required : !EnvelopeSyntax.validQualifier(standard, qualifier)) {
            throw new IllegalStateException(where + "'" + key + "' is '" + qualifier + "', which is no "
                    + (standard == EdiStandard.X12 ? "ISA05/ISA07 interchange id qualifier (ZZ, 01, 14, ...)"
                    : "UNB identification code qualifier (14, ZZZ, ...; or none)"));
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
