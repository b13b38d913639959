package org.backofficehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import java.util.Map;
import java.util.Set;
import org.backofficehub.security.PasswordHashes;
import org.backofficehub.security.Role;
import org.backofficehub.security.UsersFile;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The admin console in a real headless browser (Debian's chromium, driven by playwright-core from
 * src/test/console), every page on real data: an administrator switches to batch, runs now,
 * switches back, filters, corrects and replays a failed file, reads the dashboard's charts, a
 * partner's interchanges, a customer's golden record and the cluster's instances and singletons; an
 * operator sees it all read-only. The hub's state is then checked from this side; target/console-e2e/
 * keeps a screenshot of each page.
 */
class ConsoleBrowserIT {

    private static final Path CONSOLE_TESTS = Path.of("src/test/console");
    private static final String OPERATOR = "otto";
    private static final String OPERATOR_PASSWORD = "otto-only-watches";
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void administratorWorksTheConsoleInABrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Chromium not installed (apt-get install chromium); .ci/run installs it. Console browser test not run.");
        installDriver();
        Path usersFile = Files.createTempDirectory("console-users-").resolve("users.properties");
        new UsersFile(usersFile).put(new UsersFile.Entry(OPERATOR, Set.of(Role.OPERATOR), new PasswordHashes(4).hash(OPERATOR_PASSWORD)));
        // The console adds a partner: into a copy of the demo profiles, never into config/partners.
        Path partners = Files.createTempDirectory("console-partners-");
        try (java.util.stream.Stream<Path> profiles = Files.list(Path.of("config/partners"))) {
            for (Path profile : profiles.toList()) {
                Files.copy(profile, partners.resolve(profile.getFileName()));
            }
        }
        try (RunningHub hub = RunningHub.start(Map.of("hub.security.users-file", usersFile.toString(), "hub.partners.dir", partners.toString()))) {
            Path inbox = Files.createDirectories(hub.folder("inbox"));
            Files.copy(Samples.path("xml/invalid/schema-violation.xml"), inbox.resolve("bad.xml.part"));
            Files.move(inbox.resolve("bad.xml.part"), inbox.resolve("bad.xml"));
            hub.drop("edifact/orders-d96a-eancom.edi", "nordwind-orders.edi");
            Awaitility.await("quarantined").atMost(Duration.ofSeconds(15)).until(() -> Files.isDirectory(hub.folder("error")));
            hub.awaitSingle("outbox/nordwind", ".edi", "CONTRL");
            Path screenshots = Files.createDirectories(Path.of("target/console-e2e"));

            Process node = new ProcessBuilder("node", "console.e2e.mjs", hub.baseUrl(), RunningHub.ADMIN_PASSWORD, OPERATOR, OPERATOR_PASSWORD,
                    screenshots.toAbsolutePath().toString())
                    .directory(CONSOLE_TESTS.toFile()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(180, TimeUnit.SECONDS)).isTrue();

            assertThat(node.exitValue()).as(output).isZero();
            assertThat(output).contains("console e2e: ok");
            assertThat(partners.resolve("console-partner.properties")).content().contains("partner = CONSOLEPARTNER");
            for (String page : new String[] {"routes", "failures", "dashboard", "partners", "tracking", "customers", "cluster", "operator"}) {
                assertThat(screenshots.resolve(page + ".png")).as("screenshot of " + page).isNotEmptyFile();
            }
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF LIKE 'WEB-UI-%'")).isEqualTo(4);
            Awaitility.await("corrected file booked").atMost(Duration.ofSeconds(15))
                    .until(() -> hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'PO-BAD-1'") == 1);
        }
    }

    private static void installDriver() throws IOException, InterruptedException {
        if (Files.isDirectory(CONSOLE_TESTS.resolve("node_modules/playwright-core"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(CONSOLE_TESTS.toFile())
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(npm.exitValue()).as("npm ci in src/test/console: " + output).isZero();
    }
}
