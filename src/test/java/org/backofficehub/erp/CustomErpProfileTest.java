package org.backofficehub.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's own ERP profile, given to the daemon by path: a mapping changed in a copy of the
 * demo profile takes effect with no Java change, and a profile missing a statement stops the
 * daemon at start, saying which.
 */
class CustomErpProfileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRenamedColumnInACopiedProfileIsWhereTheHubBooksAndReads() throws Exception {
        // "Our ERP calls the buyer's name OHBUYR": the ERP's table as it is, and the profile saying so.
        Path migrations = Files.createDirectories(dir.resolve("our-erp"));
        Files.writeString(migrations.resolve("V90__our_column_names.sql"), "ALTER TABLE ORDHDR ALTER COLUMN OHNAME RENAME TO OHBUYR;\n");
        String demo = Files.readString(Path.of("config/erp/demo.properties"));
        Path profile = dir.resolve("our-erp.properties");
        Files.writeString(profile, demo.replace("OHNAME", "OHBUYR")
                .replace("migrations = classpath:db/erp", "migrations = classpath:db/erp, filesystem:" + migrations));

        try (RunningHub hub = RunningHub.start(Map.of("hub.erp.profile", profile.toString()))) {
            assertThat(hub.postJson("/api/orders", Samples.bytes("webstore/order.json")).statusCode()).isEqualTo(201);

            try (Connection c = hub.erp().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT OHBUYR FROM ORDHDR WHERE OHCREF = 'WEB-10001'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Anna Müller");
            }
            JsonNode order = JSON.readTree(hub.get("/api/orders/WEB-10001").body());
            assertThat(order.path("customer").path("name").asText()).isEqualTo("Anna Müller");
        }
    }

    @Test
    void aProfileMissingAStatementStopsTheDaemonNamingIt() throws IOException {
        Path profile = dir.resolve("incomplete.properties");
        Files.writeString(profile, Files.readString(Path.of("config/erp/demo.properties"))
                .replaceAll("(?m)^order\\.read-by-number = (.*\\\\\\R)*.*\\R", ""));

        assertThatThrownBy(() -> RunningHub.start(Map.of("hub.erp.profile", profile.toString())).close())
                .satisfies(failure -> assertThat(rootCause(failure).getMessage())
                        .startsWith("ERP profile " + profile + ": the statement order.read-by-number is missing"));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
