package org.backofficehub.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.backofficehub.security.PasswordHashes;
import org.backofficehub.security.Role;
import org.backofficehub.security.UsersFile;

/**
 * {@code admin user add|remove|list}: the users file edited on the hub's machine, where the file is
 * (no HTTP: a user is added before anyone can sign in). The hub reads the file again by itself.
 * Passwords are read from the terminal without echo, else from the first line of standard input
 * (for scripts), and stored as bcrypt hashes only.
 */
final class UserCommands {

    static final String USAGE = """
              user add NAME ROLES                 add or change a user (ROLES: webstore,reporting,operator,admin);
                                                  the password is asked for (or read from standard input)
              user remove NAME
              user list
            """;

    private final UsersFile file;
    private final java.util.Set<String> builtInNames;
    private final PasswordHashes hashes;
    private final Supplier<String> password;
    private final PrintStream out;

    /** {@code builtInNames}: the configuration's own users (the administrator, the web store), which the file cannot hold. */
    UserCommands(UsersFile file, java.util.Set<String> builtInNames, PasswordHashes hashes, Supplier<String> password, PrintStream out) {
        this.file = file;
        this.builtInNames = builtInNames;
        this.hashes = hashes;
        this.password = password;
        this.out = out;
    }

    /** The password from the terminal, asked twice; without one, the first line of standard input. */
    static Supplier<String> passwordFrom(Console console, BufferedReader in) {
        return () -> {
            try {
                if (console == null) {
                    String line = in.readLine();
                    return line == null ? "" : line;
                }
                char[] first = console.readPassword("Password: ");
                char[] second = console.readPassword("Again: ");
                if (first == null || second == null || !new String(first).equals(new String(second))) {
                    throw new IllegalArgumentException("The two passwords differ");
                }
                return new String(first);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the password: " + e.getMessage());
            }
        };
    }

    int execute(List<String> args) {
        try {
            return switch (args.isEmpty() ? "" : args.get(0)) {
                case "add" -> args.size() != 3 ? usage() : add(args.get(1), args.get(2));
                case "remove" -> args.size() != 2 ? usage() : remove(args.get(1));
                case "list" -> list();
                default -> usage();
            };
        } catch (IllegalArgumentException e) {
            out.println("refused: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            out.println("cannot write " + file.path() + ": " + e.getMessage());
            return 1;
        }
    }

    private int add(String name, String roleList) throws IOException {
        if (!UsersFile.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a user name (letters, digits, . _ @ -, at most 64)");
        }
        if (builtInNames.contains(name)) {
            throw new IllegalArgumentException(name + " is a built-in user of the configuration (its password is set there, e.g."
                    + " HUB_ADMIN_PASSWORD); the users file cannot change it");
        }
        Set<Role> roles = Role.parseList(roleList);
        String given = password.get();
        if (given.length() < 12) {
            throw new IllegalArgumentException("A password needs at least 12 characters");
        }
        file.put(new UsersFile.Entry(name, roles, hashes.hash(given)));
        out.printf("%s may now sign in as %s (%s)%n", name, roles.stream().map(Role::configName).sorted().collect(Collectors.joining(",")),
                file.path());
        return 0;
    }

    private int remove(String name) throws IOException {
        if (!file.remove(name)) {
            throw new IllegalArgumentException("No user " + name + " in " + file.path());
        }
        out.printf("%s removed from %s%n", name, file.path());
        return 0;
    }

    private int list() throws IOException {
        UsersFile.Contents contents = file.read();
        out.printf("%-24s %s%n", "USER", "ROLES");
        contents.users().values().forEach(user -> out.printf("%-24s %s%n", user.name(),
                user.roles().stream().map(Role::configName).sorted().collect(Collectors.joining(","))));
        contents.problems().forEach(problem -> out.println("ignored: " + problem));
        out.printf("%d user(s) in %s (besides the built-in ones of the configuration)%n", contents.users().size(), file.path());
        return 0;
    }

    private int usage() {
        out.print("usage: java -jar target/backoffice-hub.jar admin\n" + USAGE);
        return 2;
    }
}
