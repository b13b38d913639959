package org.backofficehub.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What lands in the inbox that is not a plain document, on the real daemon with real links, real
 * FIFOs (mkfifo) and real odd names: never read through, never blocking the poll, quarantined or
 * left alone as the README says, and never quoted where someone else could read it.
 */
class InboxOddFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cr3t-Adm1n-Passw0rd-24";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static RunningHub hub;
    private static Path inbox;

    @BeforeAll
    static void start() throws IOException {
        hub = RunningHub.start(Map.of("hub.max-input-bytes", "8192"));
        inbox = hub.folder("inbox");
        Files.createDirectories(inbox);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void aLinkToASecretIsQuarantinedAsALinkAndNothingOfTheSecretIsWrittenOrListed() throws Exception {
        Path secret = Files.writeString(hub.dataDir().resolve("admin-password-copy"), SECRET + "\n");
        Files.createSymbolicLink(inbox.resolve("orders-link.json"), secret);

        Path quarantined = hub.awaitSingle("error", "_orders-link.json");

        assertThat(Files.isSymbolicLink(quarantined)).as("the link itself is moved, not what it points to").isTrue();
        assertThat(Files.readString(secret)).isEqualTo(SECRET + "\n");
        String reason = Files.readString(reasonOf(quarantined));
        assertThat(reason).contains("problem: not-a-regular-file").contains("symbolic link").contains("orders-link.json");
        assertNoPartOf(SECRET, reason);
        assertThat(Files.getPosixFilePermissions(reasonOf(quarantined))).isEqualTo(OWNER_ONLY);
        JsonNode failure = failureOf("orders-link.json");
        assertNoPartOf(SECRET, failure.toString());
        assertThat(failure.path("payload").asText()).isEmpty();
    }

    @Test
    void linksPipesAndEmptyFilesNeverHoldUpARealOrder() throws Exception {
        mkfifo(inbox.resolve("pipe.xml"));
        Files.createSymbolicLink(inbox.resolve("zero.edi"), Path.of("/dev/zero"));
        Files.createSymbolicLink(inbox.resolve("dangling.json"), hub.dataDir().resolve("no-such-file"));
        Files.createFile(inbox.resolve("empty.json"));
        long started = System.nanoTime();
        hub.dropText(TestOrders.webOrderJson("WEB-ODD-1", "SKU-1001", 1), "real-order.json");

        hub.awaitSingle("done", "_real-order.json");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the real order's wait").isLessThan(Duration.ofSeconds(5));
        assertThat(reasonText(hub.awaitSingle("error", "_pipe.xml"))).contains("problem: not-a-regular-file").contains("named pipe");
        assertThat(reasonText(hub.awaitSingle("error", "_zero.edi"))).contains("problem: not-a-regular-file").contains("symbolic link");
        assertThat(reasonText(hub.awaitSingle("error", "_dangling.json"))).contains("symbolic link");
        Path empty = hub.awaitSingle("error", "_empty.json");
        assertThat(reasonText(empty)).contains("problem: empty-file").contains("reason: empty file");
        assertThat(Files.isSymbolicLink(hub.awaitSingle("error", "_zero.edi"))).isTrue();
        Awaitility.await("inbox emptied").atMost(Duration.ofSeconds(5))
                .until(() -> names(inbox).stream().noneMatch(n -> List.of("pipe.xml", "zero.edi", "dangling.json", "empty.json").contains(n)));
    }

    @Test
    void directoriesHiddenAndInProgressFilesAreLeftAlone() throws Exception {
        Path folder = Files.createDirectories(inbox.resolve("sub-folder.xml"));
        Files.write(folder.resolve("inside.xml"), Samples.bytes("xml/order.xml"));
        Files.writeString(inbox.resolve(".hidden.json"), TestOrders.webOrderJson("WEB-HIDDEN", "SKU-1001", 1));
        Files.writeString(inbox.resolve("upload.json.part"), TestOrders.webOrderJson("WEB-PART", "SKU-1001", 1));
        Files.writeString(inbox.resolve("upload.json.tmp"), TestOrders.webOrderJson("WEB-TMP", "SKU-1001", 1));

        hub.dropText(TestOrders.webOrderJson("WEB-ODD-2", "SKU-1001", 1), "after-the-odd-ones.json");
        hub.awaitSingle("done", "_after-the-odd-ones.json");
        hub.dropText(TestOrders.webOrderJson("WEB-ODD-3", "SKU-1001", 1), "and-another.json");
        hub.awaitSingle("done", "_and-another.json");

        assertThat(folder.resolve("inside.xml")).exists();
        assertThat(inbox.resolve(".hidden.json")).exists();
        assertThat(inbox.resolve("upload.json.part")).exists();
        assertThat(inbox.resolve("upload.json.tmp")).exists();
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF IN ('WEB-HIDDEN', 'WEB-PART', 'WEB-TMP', 'PO-77001')")).isZero();
    }

    @Test
    void aNameTooLongForTheArchiveIsShortenedKeepingItsExtension() throws Exception {
        String longName = "order-" + "x".repeat(230) + ".json";
        String longInvalidName = "refused-" + "y".repeat(228) + ".json";
        hub.dropText(TestOrders.webOrderJson("WEB-LONG-1", "SKU-1001", 1), longName);
        hub.dropText("{\"orderId\": }", longInvalidName);

        Path done = archived("done", name -> name.contains("_order-xxxx") && name.endsWith(".json"));
        Path error = archived("error", name -> name.contains("_refused-yyyy") && name.endsWith(".json"));

        for (Path archived : List.of(done, error)) {
            assertThat(archived.getFileName().toString().getBytes(StandardCharsets.UTF_8).length + ".reason.txt".length())
                    .isLessThanOrEqualTo(255);
        }
        assertThat(reasonText(error)).contains("problem: malformed-document").contains("file: " + longInvalidName);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-LONG-1'")).isEqualTo(1);
        Awaitility.await("inbox emptied").atMost(Duration.ofSeconds(5))
                .until(() -> !Files.exists(inbox.resolve(longName)) && !Files.exists(inbox.resolve(longInvalidName)));
    }

    @Test
    void aNameWithABackslashIsBooked() throws Exception {
        hub.dropText(TestOrders.webOrderJson("WEB-BACKSLASH", "SKU-1001", 1), "back\\slash.json");

        archived("done", name -> name.contains("_back") && name.endsWith("slash.json"));

        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-BACKSLASH'")).isEqualTo(1);
    }

    @Test
    void contentThatIsNoDocumentIsNeitherQuotedNorKept() throws Exception {
        hub.dropText(SECRET + "\n", "not-a-document.txt");

        Path quarantined = hub.awaitSingle("error", "_not-a-document.txt");

        String reason = reasonText(quarantined);
        assertThat(reason).contains("problem: unsupported-format");
        assertNoPartOf(SECRET, reason);
        assertThat(Files.getPosixFilePermissions(reasonOf(quarantined))).isEqualTo(OWNER_ONLY);
        assertNoPartOf(SECRET, failureOf("not-a-document.txt").toString());
    }

    @Test
    void aFailureWithNothingKeptIsNotReplayedAsAnEmptyFile() throws Exception {
        hub.dropText("{\"pad\":\"" + "x".repeat(20_000) + "\"}", "too-large.json");
        hub.awaitSingle("error", "_too-large.json");
        Files.createFile(inbox.resolve("nothing-in-it.json"));
        hub.awaitSingle("error", "_nothing-in-it.json");

        for (String file : List.of("too-large.json", "nothing-in-it.json")) {
            long id = failureOf(file).path("id").asLong();

            HttpResponse<String> replay = hub.admin("POST", "/admin/failures/" + id + "/replay", null);

            assertThat(replay.statusCode()).as(file).isEqualTo(409);
            assertThat(replay.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(replay.body()).path("type").asText()).isEqualTo("urn:backoffice-hub:problem:nothing-to-replay");
            assertThat(failureOf(file).path("state").asText()).as("still open, to replay with a corrected body or discard").isEqualTo("open");
        }
        assertThat(names(inbox)).noneMatch(name -> name.startsWith("replay-"));
    }

    @Test
    void everyReasonFileIsTheOwnersAlone() throws Exception {
        hub.drop("xml/invalid/schema-violation.xml", "owner-only.xml");

        Path quarantined = hub.awaitSingle("error", "_owner-only.xml");

        assertThat(Files.getPosixFilePermissions(reasonOf(quarantined), LinkOption.NOFOLLOW_LINKS)).isEqualTo(OWNER_ONLY);
    }

    /** The one archived file (reason files aside) whose name passes the test; archive names start with a time stamp. */
    private static Path archived(String folder, Predicate<String> name) {
        return Awaitility.await("one file in " + folder).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> hub.listing(folder).stream().filter(p -> name.test(p.getFileName().toString())).toList(), found -> found.size() == 1)
                .get(0);
    }

    private static JsonNode failureOf(String fileName) {
        return Awaitility.await("failure of " + fileName).atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode failure : JSON.readTree(hub.admin("GET", "/admin/failures?state=all", null).body())) {
                if (fileName.equals(failure.path("fileName").asText())) {
                    return failure;
                }
            }
            return null;
        }, found -> found != null);
    }

    private static void assertNoPartOf(String secret, String text) {
        for (int i = 0; i + 6 <= secret.length(); i++) {
            assertThat(text).as("no six characters of the secret").doesNotContain(secret.substring(i, i + 6));
        }
    }

    private static Path reasonOf(Path quarantined) {
        return quarantined.resolveSibling(quarantined.getFileName() + ".reason.txt");
    }

    private static String reasonText(Path quarantined) throws IOException {
        Path reason = reasonOf(quarantined);
        Awaitility.await("reason of " + quarantined.getFileName()).atMost(Duration.ofSeconds(5)).until(() -> Files.exists(reason));
        return Files.readString(reason);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo").isZero();
    }
}
