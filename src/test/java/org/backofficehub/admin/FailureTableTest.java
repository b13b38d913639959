package org.backofficehub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailureTableTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aHeaderThenOneLineAFailureCutToTheWidth() throws Exception {
        var failures = new ObjectMapper().readTree("""
                [{"id":7,"routeId":"webstore-notices","state":"open","problem":"delivery-failed",
                  "createdAt":"2026-12-03T09:00:00Z","reason":"Connection refused\\n after 6 attempts %s"}]
                """.formatted("x".repeat(200)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new FailureTable(120, clock).print(failures, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines[0]).matches("\\s+ID\\s+ROUTE\\s+STATE\\s+PROBLEM\\s+AGE\\s+REASON");
        assertThat(lines[1]).startsWith("     7  webstore-notices   open       delivery-failed      3h    Connection refused after 6 attempts")
                .endsWith("...").hasSize(120);
    }

    @Test
    void agesInTheLargestUnitThatFits() {
        FailureTable table = new FailureTable(80, clock);
        assertThat(table.age("2026-12-03T11:59:30Z")).isEqualTo("30s");
        assertThat(table.age("2026-12-03T11:15:00Z")).isEqualTo("45m");
        assertThat(table.age("2026-11-28T12:00:00Z")).isEqualTo("5d");
        assertThat(table.age("")).isEqualTo("-");
    }
}
