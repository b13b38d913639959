package org.backofficehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The admin console in a real headless browser (Debian's chromium, driven by playwright-core from
 * src/test/console): an administrator switches to batch, runs now, switches back, and corrects and
 * replays a failed file. The hub's state is then checked from this side.
 */
class ConsoleBrowserIT {

    private static final Path CONSOLE_TESTS = Path.of("src/test/console");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void administratorWorksTheConsoleInABrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Chromium not installed (apt-get install chromium); .ci/run installs it. Console browser test not run.");
        installDriver();
        try (RunningHub hub = RunningHub.start()) {
            Path inbox = Files.createDirectories(hub.folder("inbox"));
            Files.copy(Samples.path("xml/invalid/schema-violation.xml"), inbox.resolve("bad.xml.part"));
            Files.move(inbox.resolve("bad.xml.part"), inbox.resolve("bad.xml"));
            Awaitility.await("quarantined").atMost(Duration.ofSeconds(15)).until(() -> Files.isDirectory(hub.folder("error")));
            Path screenshot = Path.of("target/console-e2e.png");

            Process node = new ProcessBuilder("node", "console.e2e.mjs", hub.baseUrl(), RunningHub.ADMIN_PASSWORD,
                    screenshot.toAbsolutePath().toString())
                    .directory(CONSOLE_TESTS.toFile()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(node.exitValue()).as(output).isZero();
            assertThat(output).contains("console e2e: ok");
            assertThat(screenshot).isNotEmptyFile();
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
