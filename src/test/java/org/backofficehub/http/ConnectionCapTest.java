package org.backofficehub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.backofficehub.support.RawHttp;
import org.backofficehub.support.RunningHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * hub.http.max-connections on the real daemon: a flood of connections that send nothing fills the
 * cap, the ones beyond it are closed at once, and once the idle ones have been closed by the idle
 * timeout the hub answers again.
 */
class ConnectionCapTest {

    private static final int CAP = 20;
    private static final int FLOOD = CAP + 10;
    private static final Duration IDLE = Duration.ofSeconds(4);
    private static RunningHub hub;

    @BeforeAll
    static void start() {
        hub = RunningHub.start(Map.of("hub.http.max-connections", Integer.toString(CAP),
                "hub.http.idle-timeout-ms", Long.toString(IDLE.toMillis())));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void connectionsBeyondTheCapAreClosedAndTheHubAnswersOnceTheIdleOnesAreGone() throws Exception {
        List<RawHttp> flood = new ArrayList<>();
        try {
            for (int i = 0; i < FLOOD; i++) {
                flood.add(RawHttp.connect(hub.port()));
            }
            Thread.sleep(300); // the server has them all by now; the idle timeout is far off still
            int closed = 0;
            for (RawHttp connection : flood) {
                if (connection.closedWithin(Duration.ofMillis(20))) {
                    closed++;
                    assertThat(connection.drained()).as("closed without a word").isEmpty();
                }
            }
            // At least the ten beyond the cap; one more if the test's HTTP client still holds a kept-alive connection.
            assertThat(closed).isBetween(FLOOD - CAP, FLOOD - CAP + 1);
            try (RawHttp oneMore = RawHttp.connect(hub.port())) {
                assertThat(oneMore.closedWithin(Duration.ofMillis(500))).as("a connection while the cap is full").isTrue();
            }
        } finally {
            // Not closed from this side: the server's idle timeout is what must free their places.
            for (RawHttp connection : flood) {
                assertThat(connection.closedWithin(IDLE.multipliedBy(2))).as("closed by the idle timeout").isTrue();
                connection.close();
            }
        }
        Awaitility.await("the hub answers once the idle connections are closed").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> healthOnANewConnection() == 200);
    }

    /** On a connection of its own: the test's HTTP client may still hold one from before the flood. */
    private static int healthOnANewConnection() throws Exception {
        try (RawHttp connection = RawHttp.connect(hub.port())) {
            return connection.send("GET /observe/health HTTP/1.1\r\nHost: hub\r\n\r\n").read(Duration.ofSeconds(2)).status();
        }
    }
}
