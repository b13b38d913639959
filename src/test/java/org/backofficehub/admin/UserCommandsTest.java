package org.backofficehub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.backofficehub.security.PasswordHashes;
import org.backofficehub.security.Role;
import org.backofficehub.security.UsersFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin user ...} on a real users file. */
class UserCommandsTest {

    @TempDir
    Path folder;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PasswordHashes hashes = new PasswordHashes(4);

    @Test
    void addsListsAndRemovesUsersWithHashedPasswordsInAnOwnerOnlyFile() throws Exception {
        Path file = folder.resolve("users.properties");

        assertThat(commands(file, "a long enough secret").execute(List.of("add", "carla", "reporting,operator"))).isZero();
        assertThat(text()).contains("carla may now sign in as operator,reporting");
        String written = Files.readString(file);
        assertThat(written).contains("carla = operator,reporting {bcrypt}$2").doesNotContain("a long enough secret");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        UsersFile.Entry carla = new UsersFile(file).read().users().get("carla");
        assertThat(carla.roles()).containsExactlyInAnyOrder(Role.REPORTING, Role.OPERATOR);
        assertThat(hashes.matches("a long enough secret", carla.hash())).isTrue();
        assertThat(hashes.matches("another secret", carla.hash())).isFalse();

        assertThat(commands(file, "").execute(List.of("list"))).isZero();
        assertThat(text()).containsPattern("carla\\s+operator,reporting").contains("1 user(s)");

        assertThat(commands(file, "").execute(List.of("remove", "carla"))).isZero();
        assertThat(new UsersFile(file).read().users()).isEmpty();
        assertThat(Files.readString(file)).startsWith("# Backoffice Hub users");
    }

    @Test
    void refusesWhatCannotBeAUserAndSaysWhy() {
        Path file = folder.resolve("users.properties");

        assertThat(commands(file, "a long enough secret").execute(List.of("add", "carla", "superuser"))).isEqualTo(1);
        assertThat(commands(file, "short").execute(List.of("add", "carla", "reporting"))).isEqualTo(1);
        assertThat(commands(file, "a long enough secret").execute(List.of("add", "carla:x", "reporting"))).isEqualTo(1);
        assertThat(commands(file, "x".repeat(80)).execute(List.of("add", "carla", "reporting"))).isEqualTo(1);
        assertThat(commands(file, "").execute(List.of("remove", "nobody"))).isEqualTo(1);
        assertThat(commands(file, "a long enough secret").execute(List.of("add", "admin", "operator"))).isEqualTo(1);
        assertThat(commands(file, "").execute(List.of("frobnicate"))).isEqualTo(2);

        assertThat(text()).contains("Unknown role 'superuser'", "at least 12 characters", "not a user name", "at most 72 bytes", "No user nobody",
                "admin is a built-in user of the configuration");
        assertThat(file).doesNotExist();
    }

    @Test
    void aBrokenLineIsLeftOutAndNamedTheOthersStillCount() throws Exception {
        Path file = folder.resolve("users.properties");
        Files.writeString(file, "carla = reporting " + hashes.hash("a long enough secret") + "\nbroken line\notto = operator plaintext\n");

        UsersFile.Contents contents = new UsersFile(file).read();

        assertThat(contents.users()).containsOnlyKeys("carla");
        assertThat(contents.problems()).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("line 2"))
                .anySatisfy(p -> assertThat(p).startsWith("line 3").contains("password hash"));
    }

    private UserCommands commands(Path file, String password) {
        return new UserCommands(new UsersFile(file), java.util.Set.of("admin", "webstore"), hashes, () -> password,
                new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
