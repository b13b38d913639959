package org.backofficehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Smooks engine as its own jar: target/backoffice-hub.jar runs without it, and refuses at
 * start a partner profile that names Smooks; with target/backoffice-hub-smooks.jar beside it (its
 * manifest's Class-Path), a Smooks partner's EDIFACT file is read, booked and answered. Both are
 * run from the repository root as README's run command does.
 */
class SmooksEngineJarIT {

    private static final Path HUB_JAR = Path.of("target/backoffice-hub.jar");
    private static final Path SMOOKS_JAR = Path.of("target/backoffice-hub-smooks.jar");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDefaultJarAloneStartsHealthyAndStopsAtStartWhenAProfileNamesSmooks(@TempDir Path alone, @TempDir Path data)
            throws Exception {
        Path jar = Files.copy(HUB_JAR, alone.resolve("backoffice-hub.jar"));

        int port = freePort();
        Process hub = start(jar, data.resolve("staedi"), port, List.of());
        try {
            awaitHealthy(port, hub);
        } finally {
            stop(hub);
        }

        Process smooks = start(jar, data.resolve("smooks"), freePort(), List.of("-Dhub.partner.nordwind.engine=smooks"));
        assertThat(smooks.waitFor(90, TimeUnit.SECONDS)).as("the hub stops at start").isTrue();
        assertThat(smooks.exitValue()).isNotZero();
        assertThat(Files.readString(data.resolve("smooks").resolve("hub.log")))
                .contains("Partner NORDWIND asks for the Smooks engine (engine = smooks), which is not installed: put "
                        + "backoffice-hub-smooks.jar (built as target/backoffice-hub-smooks.jar) beside backoffice-hub.jar");
    }

    @Test
    void withTheSmooksJarBesideItASmooksPartnersEdifactFileIsBookedAndAnswered(@TempDir Path data) throws Exception {
        int port = freePort();
        Process hub = start(HUB_JAR, data, port, List.of("-Dhub.partner.nordwind.engine=smooks", "-Dhub.inbox.poll-delay-ms=200"));
        try {
            awaitHealthy(port, hub);
            Path inbox = data.resolve("inbox");
            Files.createDirectories(inbox);
            Path part = inbox.resolve("nordwind.edi.part");
            Files.copy(Path.of("edi-samples/edifact/orders-d96a-eancom.edi"), part);
            Files.move(part, inbox.resolve("nordwind.edi"), StandardCopyOption.ATOMIC_MOVE);

            // On a clean clone Smooks first compiles its DFDL schema (20-40 s; it is cached under .smooks/ by the tests before).
            Awaitility.await("read by Smooks").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200))
                    .until(() -> names(data.resolve("done")).stream().anyMatch(name -> name.endsWith("_nordwind.edi")));
            assertThat(names(data.resolve("outbox/nordwind"))).anyMatch(name -> name.startsWith("CONTRL-"))
                    .anyMatch(name -> name.startsWith("ORDRSP-"));
            assertThat(Files.readString(data.resolve("hub.log"))).contains("2 message(s): 2 accepted, 0 rejected");
        } finally {
            stop(hub);
        }
    }

    @Test
    void noClassIsInBothJars() throws IOException {
        Set<String> shared = classes(HUB_JAR);
        shared.retainAll(classes(SMOOKS_JAR));

        assertThat(shared).as("classes of a library the hub and Smooks share: exclude it from the smooks-engine assembly in pom.xml")
                .isEmpty();
        assertThat(classes(SMOOKS_JAR)).contains("org/backofficehub/edi/reading/smooks/EdifactVisitor.class",
                "org/apache/camel/component/smooks/SmooksComponent.class", "org/apache/daffodil/japi/Daffodil.class");
        // Saxon is the hub's own since the business documents' mappings (XSLT 3.0): Smooks uses the hub's.
        assertThat(classes(HUB_JAR)).noneMatch(name -> name.startsWith("org/smooks/") || name.startsWith("org/apache/daffodil/")
                || name.startsWith("com/ibm/icu/") || name.startsWith("scala/")
                || name.startsWith("org/backofficehub/edi/reading/smooks/"));
    }

    private static Process start(Path jar, Path data, int port, List<String> properties) throws IOException {
        Files.createDirectories(data);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("hub.log").toFile());
        builder.environment().put("HUB_DATA_DIR", data.toString());
        builder.environment().put("CAMEL_SERVER_PORT", Integer.toString(port));
        return builder.start();
    }

    private void awaitHealthy(int port, Process hub) {
        Awaitility.await("hub healthy").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    assertThat(hub.isAlive()).as("hub running").isTrue();
                    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/observe/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                });
    }

    private static void stop(Process hub) throws InterruptedException {
        hub.destroy();
        if (!hub.waitFor(60, TimeUnit.SECONDS)) {
            hub.destroyForcibly();
        }
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static Set<String> classes(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/")
                    && !name.endsWith("module-info.class")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
