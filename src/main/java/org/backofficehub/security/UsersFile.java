package org.backofficehub.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The users file: one user per line, {@code name = roles {bcrypt}hash}, e.g.
 * {@code carla = reporting {bcrypt}$2a$12$...}. Lines starting with '#' are comments. Written by
 * {@code admin user add|remove}, owner-readable only; read by the hub whenever it changes.
 */
public final class UsersFile {

    /** A user name: letters, digits and {@code . _ @ -}, so that it fits a line and a log. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    /** A line of the file; {@code hash} is the stored password hash. */
    public record Entry(String name, Set<Role> roles, String hash) {
    }

    /** The users of the file, and what was wrong with any line that was left out. */
    public record Contents(Map<String, Entry> users, List<String> problems) {
    }

    private final Path file;

    public UsersFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    public Contents read() throws IOException {
        Map<String, Entry> users = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Contents(users, problems);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                Entry entry = parse(line);
                if (users.putIfAbsent(entry.name(), entry) != null) {
                    problems.add("line " + (i + 1) + ": user " + entry.name() + " appears twice; the first line counts");
                }
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Contents(users, problems);
    }

    private static Entry parse(String line) {
        int equals = line.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("expected 'name = roles {bcrypt}hash'");
        }
        String name = line.substring(0, equals).strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a user name (letters, digits, . _ @ -)");
        }
        String[] rolesAndHash = line.substring(equals + 1).strip().split("\\s+");
        if (rolesAndHash.length != 2 || !PasswordHashes.isHash(rolesAndHash[1])) {
            throw new IllegalArgumentException("user " + name + ": expected roles and a {bcrypt} password hash after '='");
        }
        return new Entry(name, Role.parseList(rolesAndHash[0]), rolesAndHash[1]);
    }

    /** Adds or replaces the user's line, keeping every other line (comments included) as it was. */
    public void put(Entry entry) throws IOException {
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8)) : header();
        String line = entry.name() + " = " + entry.roles().stream().map(Role::configName).sorted().collect(Collectors.joining(","))
                + " " + entry.hash();
        int at = lineOf(lines, entry.name());
        if (at >= 0) {
            lines.set(at, line);
        } else {
            lines.add(line);
        }
        write(lines);
    }

    /** Removes the user's line; false if there was none. */
    public boolean remove(String name) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        int at = lineOf(lines, name);
        if (at < 0) {
            return false;
        }
        lines.remove(at);
        write(lines);
        return true;
    }

    private static int lineOf(List<String> lines, String name) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0 && line.substring(0, equals).strip().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> header() {
        return new ArrayList<>(List.of(
                "# Backoffice Hub users: name = roles {bcrypt}password-hash (roles: webstore, reporting, operator, admin).",
                "# Written by `java -jar backoffice-hub.jar admin user add NAME ROLES`; the hub reads it again when it changes."));
    }

    /** Written beside the file and moved over it, so that the hub never reads half a file. */
    private void write(List<String> lines) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".users-", ".tmp");
        try {
            OwnerOnly.restrict(temporary);
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            keepOwner(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The replacement is owned as the file it replaces: rewritten by root, it would be a root-owned
     * file the hub's own user cannot read, and every user of the file would be locked out.
     */
    private void keepOwner(Path replacement) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Files.setOwner(replacement, Files.getOwner(file));
            java.nio.file.attribute.PosixFileAttributeView view = Files.getFileAttributeView(replacement,
                    java.nio.file.attribute.PosixFileAttributeView.class);
            if (view != null) {
                view.setGroup(Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class).group());
            }
        } catch (IOException | UnsupportedOperationException | SecurityException notAllowed) {
            // Not root and not the owner's own run: the file was the caller's already, or the move below is refused by the folder.
        }
    }
}
