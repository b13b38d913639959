package org.backofficehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.backofficehub.support.TestOrders;
import org.backofficehub.util.FileNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 21's inbox probes and their neighbours, each put into the real daemon's inbox beside a
 * real order: the order is booked within seconds whatever sits next to it, and the odd entry
 * meets the fate the README gives it (quarantined with a reason, left alone, or booked under a
 * name the archive can hold). Nothing of the secret any of them points at is written to error/
 * or listed by the admin API, and no external DTD is fetched.
 */
class InboxAttackFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cr3t-Adm1n-Passw0rd-24";
    private static final Duration ORDER_BOOKED_WITHIN = Duration.ofSeconds(5);
    private static final AtomicInteger ORDERS = new AtomicInteger();
    private static final AtomicInteger DTD_FETCHES = new AtomicInteger();
    private static RunningHub hub;
    private static Path inbox;
    private static Path secret;
    private static HttpServer dtdHost;

    /** What becomes of an attack file. */
    private enum Fate { QUARANTINED, LEFT_ALONE, BOOKED }

    /** An inbox entry made as an attacker makes it; {@code name} is what it is called there, {@code problem} the reason's slug. */
    private record AttackFile(String description, String name, Fate fate, String problem, Maker maker) {

        @Override
        public String toString() {
            return description;
        }
    }

    @FunctionalInterface
    private interface Maker {
        void make(Path entry) throws Exception;
    }

    @BeforeAll
    static void start() throws IOException {
        dtdHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dtdHost.createContext("/", exchange -> {
            DTD_FETCHES.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        dtdHost.start();
        hub = RunningHub.start(Map.of("hub.max-input-bytes", "8192"));
        inbox = Files.createDirectories(hub.folder("inbox"));
        secret = Files.writeString(hub.dataDir().resolve("admin-password-copy"), SECRET + "\n");
    }

    @AfterAll
    static void stop() {
        try {
            assertThat(DTD_FETCHES).as("requests for an external DTD").hasValue(0);
        } finally {
            hub.close();
            dtdHost.stop(0);
        }
    }

    static Stream<AttackFile> attackFiles() {
        String dtd = "http://127.0.0.1:" + dtdHost.getAddress().getPort() + "/order.dtd";
        return Stream.of(
                new AttackFile("a symbolic link to the admin password", "password.json", Fate.QUARANTINED, "not-a-regular-file",
                        entry -> Files.createSymbolicLink(entry, secret)),
                new AttackFile("a hard link to the admin password", "hard-password.txt", Fate.QUARANTINED, "unsupported-format",
                        entry -> Files.createLink(entry, secret)),
                new AttackFile("a symbolic link to /dev/zero", "zero.edi", Fate.QUARANTINED, "not-a-regular-file",
                        entry -> Files.createSymbolicLink(entry, Path.of("/dev/zero"))),
                new AttackFile("a dangling symbolic link", "dangling.xml", Fate.QUARANTINED, "not-a-regular-file",
                        entry -> Files.createSymbolicLink(entry, hub.dataDir().resolve("nothing-here"))),
                new AttackFile("a named pipe", "pipe.json", Fate.QUARANTINED, "not-a-regular-file", InboxAttackFilesTest::mkfifo),
                new AttackFile("a Unix socket", "socket.xml", Fate.QUARANTINED, "not-a-regular-file", InboxAttackFilesTest::bindSocket),
                new AttackFile("an empty file", "empty.xml", Fate.QUARANTINED, "empty-file", Files::createFile),
                new AttackFile("an XML order naming an external DTD", "with-dtd.xml", Fate.QUARANTINED, "malformed-document",
                        entry -> Files.writeString(entry, "<?xml version=\"1.0\"?><!DOCTYPE order SYSTEM \"" + dtd + "\">"
                                + Samples.text("xml/order.xml").replaceFirst("<\\?xml[^>]*>", ""))),
                new AttackFile("a file over hub.max-input-bytes", "large.json", Fate.QUARANTINED, "input-too-large",
                        entry -> Files.writeString(entry, "{\"pad\":\"" + "x".repeat(20_000) + "\"}")),
                new AttackFile("a directory", "folder.json", Fate.LEFT_ALONE, null,
                        entry -> Files.writeString(Files.createDirectory(entry).resolve("inside.json"), order())),
                new AttackFile("a symbolic link to a directory", "folder-link.json", Fate.LEFT_ALONE, null,
                        entry -> Files.createSymbolicLink(entry, Files.createTempDirectory("linked-folder-"))),
                new AttackFile("a hidden file", ".hidden.json", Fate.LEFT_ALONE, null, entry -> Files.writeString(entry, order())),
                new AttackFile("a file still being written (.part)", "upload.json.part", Fate.LEFT_ALONE, null,
                        entry -> Files.writeString(entry, order())),
                new AttackFile("a file still being written (.tmp)", "upload.json.tmp", Fate.LEFT_ALONE, null,
                        entry -> Files.writeString(entry, order())),
                new AttackFile("a name of 240 characters", "n".repeat(235) + ".json", Fate.BOOKED, null,
                        entry -> Files.writeString(entry, order())),
                new AttackFile("a name with a backslash", "back\\slash.json", Fate.BOOKED, null, entry -> Files.writeString(entry, order())),
                new AttackFile("a name with a line break", "line\nbreak.json", Fate.BOOKED, null, entry -> Files.writeString(entry, order())),
                new AttackFile("a refused file with a line break in its name", "bad\nname.json", Fate.QUARANTINED, "malformed-document",
                        entry -> Files.writeString(entry, "{")),
                new AttackFile("a name that is not UTF-8", "\uFFFDnot-utf8.json", Fate.LEFT_ALONE, null, InboxAttackFilesTest::latin1Name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attackFiles")
    void aRealOrderIsBookedBesideItAndItMeetsItsFate(AttackFile attack) throws Exception {
        Path entry = inbox.resolve(attack.name());
        attack.maker().make(entry);
        String canary = "WEB-CANARY-" + ORDERS.incrementAndGet();
        long started = System.nanoTime();

        hub.dropText(TestOrders.webOrderJson(canary, "SKU-1001", 1), canary + ".json");

        Awaitility.await(canary + " booked").atMost(ORDER_BOOKED_WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = '" + canary + "'") == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ORDER_BOOKED_WITHIN);
        switch (attack.fate()) {
            case QUARANTINED -> {
                Path quarantined = hub.awaitSingle("error", "_" + FileNames.safe(attack.name()));
                Path reason = quarantined.resolveSibling(quarantined.getFileName() + ".reason.txt");
                Awaitility.await("reason").atMost(Duration.ofSeconds(5)).until(() -> Files.exists(reason));
                String text = Files.readString(reason);
                assertThat(text).contains("problem: " + attack.problem()).contains("file: " + FileNames.printable(attack.name()) + "\n");
                assertNoPartOfTheSecretIn(text);
                assertThat(Files.exists(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as("gone from the inbox").isFalse();
            }
            case LEFT_ALONE -> {
                Awaitility.await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                        .until(() -> Files.exists(inbox.resolve(attack.name()), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                                || attack.name().startsWith("\uFFFD"));
                assertThat(hub.listing("error").stream().map(p -> p.getFileName().toString()))
                        .noneMatch(name -> name.endsWith("_" + attack.name()));
            }
            case BOOKED -> Awaitility.await("attack file booked").atMost(Duration.ofSeconds(10))
                    .until(() -> hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF LIKE 'WEB-ATTACK-%'") >= 1
                            && !Files.exists(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        }
        assertNoPartOfTheSecretIn(hub.admin("GET", "/admin/failures?state=all", null).body());
    }

    private static String order() {
        return TestOrders.webOrderJson("WEB-ATTACK-" + ORDERS.incrementAndGet(), "SKU-1001", 1);
    }

    private static void assertNoPartOfTheSecretIn(String text) {
        for (int i = 0; i + 6 <= SECRET.length(); i++) {
            assertThat(text).as("six characters of the secret").doesNotContain(SECRET.substring(i, i + 6));
        }
    }

    private static void mkfifo(Path entry) throws Exception {
        assertThat(new ProcessBuilder("mkfifo", entry.toString()).inheritIO().start().waitFor()).as("mkfifo").isZero();
    }

    /** A socket file stays after its channel closes, as one a crashed program left. */
    private static void bindSocket(Path entry) throws IOException {
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(entry));
        }
    }

    /** A name in Latin-1 bytes (0xE9 alone is no UTF-8), which the JVM lists with U+FFFD and cannot open by that name. */
    private static void latin1Name(Path entry) throws Exception {
        Process touch = new ProcessBuilder("sh", "-c", "printf '{}' > \"$1/$(printf '\\351')not-utf8.json\"", "sh",
                entry.getParent().toString()).inheritIO().start();
        assertThat(touch.waitFor()).as("a file with a Latin-1 name").isZero();
        try (Stream<Path> names = Files.list(entry.getParent())) {
            assertThat(names.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("not-utf8.json"));
        }
        assertThat(List.of(StandardCharsets.UTF_8.name())).contains(System.getProperty("sun.jnu.encoding"));
    }
}
