package org.backofficehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.backofficehub.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole daemon with both its store and the ERP on a real PostgreSQL server, set by JDBC URL only. */
class PostgresHubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningHub hub;

    @BeforeAll
    static void start() {
        TestDatabase postgres = TestDatabase.POSTGRES;
        hub = RunningHub.start(Map.of(
                "hub.store.url", postgres.newDatabaseUrl("hub"),
                "hub.store.user", postgres.user(),
                "hub.erp.url", postgres.newDatabaseUrl("erp"),
                "hub.erp.user", postgres.user()));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void runsOnPostgres() throws Exception {
        try (Connection c = hub.erp().getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        try (Connection c = hub.hubStore().getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void webOrderIsBookedOnceAndReadBack() throws Exception {
        HttpResponse<String> created = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));
        HttpResponse<String> again = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        String erpNumber = JSON.readTree(created.body()).path("erpOrderNumber").asText();
        assertThat(JSON.readTree(again.body()).path("erpOrderNumber").asText()).isEqualTo(erpNumber);
        assertThat(JSON.readTree(hub.get("/api/orders/WEB-10001").body()).path("erpOrderNumber").asText()).isEqualTo(erpNumber);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-10001'")).isEqualTo(1);
    }

    @Test
    void inboxFileIsBookedAndItsFingerprintKept() throws Exception {
        Path inbox = hub.folder("inbox");
        Files.createDirectories(inbox);
        Files.copy(Samples.path("xml/order.xml"), inbox.resolve("order.xml.part"));
        Files.move(inbox.resolve("order.xml.part"), inbox.resolve("order.xml"), StandardCopyOption.ATOMIC_MOVE);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (!Files.isDirectory(hub.folder("done"))) {
                return false;
            }
            try (Stream<Path> done = Files.list(hub.folder("done"))) {
                return done.anyMatch(p -> p.toString().endsWith("_order.xml"));
            }
        });

        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'PO-77001'")).isEqualTo(1);
        try (Connection c = hub.hubStore().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'inbox-files'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

}
