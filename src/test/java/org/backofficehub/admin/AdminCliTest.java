package org.backofficehub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The command-line client against the real daemon over real HTTP. */
class AdminCliTest {

    private static RunningHub hub;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        hub = RunningHub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void switchesToBatchShowsStatusRunsNowAndSwitchesBack() {
        assertThat(cli("mode", "webstore-orders", "batch", "0", "0/30", "*", "*", "*", "?")).isZero();
        assertThat(text()).contains("webstore-orders is now batch (drained on \"0 0/30 * * * ?\")");
        assertThat(hub.postJson("/api/orders", TestOrders.webOrderJson("WEB-CLI-1", "SKU-1001", 1).getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(202);

        assertThat(cli("status")).isZero();
        assertThat(text()).containsPattern("webstore-orders\\s+batch\\s+0 0/30 \\* \\* \\* \\?\\s+Started\\s+\\d+\\s+\\d+\\s+1 ");

        assertThat(cli("run", "webstore-orders")).isZero();
        assertThat(text()).contains("\"booked\" : 1");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-CLI-1'")).isEqualTo(1);

        assertThat(cli("mode", "webstore-orders", "realtime")).isZero();
        assertThat(text()).contains("webstore-orders is now realtime");
    }

    @Test
    void refusalsExitWith1AndSayWhy() {
        assertThat(cli("mode", "webstore-orders", "sometimes")).isEqualTo(1);
        assertThat(text()).contains("refused: 400").contains("use realtime or batch");
        assertThat(new AdminCli(URI.create(baseUrl()), "admin", "wrong", new PrintStream(output, true)).execute(List.of("status"))).isEqualTo(1);
        assertThat(text()).contains("refused: 401");
    }

    @Test
    void wrongUsageExitsWith2() {
        assertThat(cli("frobnicate")).isEqualTo(2);
        assertThat(text()).contains("usage:");
    }

    @Test
    void listsFailuresAsATableWithAHeader() {
        assertThat(cli("failures")).isZero();
        assertThat(text()).startsWith("    ID  ROUTE").contains("STATE", "PROBLEM", "AGE", "REASON").contains("open failure(s)");
    }

    @Test
    void aReplayFileThatCannotBeReadIsSaidSoNotTheHub() {
        assertThat(cli("replay", "1", "/no/such/corrected-order.json")).isEqualTo(2);
        assertThat(text()).contains("cannot read /no/such/corrected-order.json: no such file").doesNotContain("cannot reach the hub");
    }

    private int cli(String... args) {
        output.reset();
        return new AdminCli(URI.create(baseUrl()), "admin", RunningHub.ADMIN_PASSWORD, new PrintStream(output, true)).execute(List.of(args));
    }

    private String baseUrl() {
        return hub.baseUrl();
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
