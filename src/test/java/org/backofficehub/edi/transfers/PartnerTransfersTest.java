package org.backofficehub.edi.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.backofficehub.support.PartnerServers;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Trading partners over SFTP and FTP, against real embedded servers: a file the partner puts on its
 * server is booked and answered on the same server, exactly once.
 */
class PartnerTransfersTest {

    private RunningHub hub;
    private PartnerServers.Server server;

    @AfterEach
    void stop() throws IOException {
        if (hub != null) {
            hub.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anSftpPartnersFileIsBookedOnceAndItsAcknowledgementAndOrderResponseAppearOnItsServer() throws Exception {
        PartnerServers.SftpServer sftp = PartnerServers.sftp(Files.createTempDirectory("sftp-root"));
        server = sftp;
        Files.createDirectories(server.root().resolve("to-hub"));
        hub = RunningHub.start(Map.of("hub.partners.dir", partnersWithRemote("nordwind", "sftp://localhost:" + server.port(),
                "remote.known-hosts = " + knownHosts(sftp.knownHostsLine())).toString()));

        server.upload("/to-hub/orders.edi", Samples.bytes("edifact/orders-d96a-eancom.edi"));

        Path fromHub = server.root().resolve("from-hub");
        Awaitility.await("CONTRL and ORDRSP on the partner's server").atMost(Duration.ofSeconds(30))
                .until(() -> names(fromHub), names -> document(names, "CONTRL-").isPresent() && document(names, "ORDRSP-").isPresent());
        // Uploaded as .part and renamed: under its final name a document is whole.
        assertThat(Files.readString(fromHub.resolve(document(names(fromHub), "CONTRL-").orElseThrow())))
                .contains("UCI+").contains("+7'").contains("UNZ+");
        assertThat(hub.get("/api/orders?partner=NORDWIND&documentNumber=NW-PO-4711").body()).contains("\"erpOrderNumber\"");
        assertThat(server.root().resolve("to-hub/.done/orders.edi")).as("taken off the partner's inbound folder").exists();
        hub.awaitSingle("done", "_NORDWIND-orders.edi");
        Awaitility.await("uploaded documents leave the local outbox").atMost(Duration.ofSeconds(10))
                .until(() -> hub.listing("outbox/nordwind").stream().noneMatch(p -> p.getFileName().toString().endsWith(".edi")));

        // The same interchange put there again under another name: booked once, refused as a duplicate.
        server.upload("/to-hub/orders-again.edi", Samples.bytes("edifact/orders-d96a-eancom.edi"));
        hub.awaitSingle("error", "_NORDWIND-orders-again.edi");
        Awaitility.await("rejecting CONTRL").atMost(Duration.ofSeconds(20))
                .until(() -> names(fromHub).stream().filter(n -> n.startsWith("CONTRL-") && n.endsWith(".edi")).count() == 2);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'NW-PO-4711'")).isEqualTo(1);

        // After a restart nothing on the server is taken again.
        hub.restart();
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> hub.erpNumber("SELECT COUNT(*) FROM ORDHDR") == 2);
    }

    @Test
    void anSftpServerShowingAnotherHostKeyThanThePinnedOneIsNotTrusted() throws Exception {
        server = PartnerServers.sftp(Files.createTempDirectory("sftp-root"));
        Files.createDirectories(server.root().resolve("to-hub"));
        String impostorsKey;
        try (PartnerServers.SftpServer other = PartnerServers.sftp(Files.createTempDirectory("sftp-other"))) {
            impostorsKey = other.knownHostsLine().replace("]:" + other.port() + " ", "]:" + server.port() + " ");
        }
        hub = RunningHub.start(Map.of("hub.partners.dir", partnersWithRemote("nordwind", "sftp://localhost:" + server.port(),
                "remote.known-hosts = " + knownHosts(impostorsKey)).toString()));

        server.upload("/to-hub/orders.edi", Samples.bytes("edifact/orders-d96a-eancom.edi"));

        Awaitility.await("nothing taken from a server whose key is not the pinned one").during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5)).until(() -> Files.exists(server.root().resolve("to-hub/orders.edi")));
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'NW-PO-4711'")).isZero();
    }

    @Test
    void anFtpPartnersOrderIsBookedAndAnsweredOnItsServerAndAccountingTakesItsInvoicesByFtp() throws Exception {
        server = PartnerServers.ftp(Files.createTempDirectory("ftp-root"));
        Files.createDirectories(server.root().resolve("to-hub"));
        hub = RunningHub.start(Map.of("hub.partners.dir", partnersWithRemote("acme", "ftp://localhost:" + server.port()).toString(),
                // The same FTP server stands in for accounting's import folder.
                "hub.accounting.endpoint", "ftp://" + PartnerServers.USER + "@localhost:" + server.port() + "/accounting?password=RAW("
                        + PartnerServers.PASSWORD + ")&binary=true&passiveMode=true&tempPrefix=.part-&fileExist=Override"));

        server.upload("/to-hub/po.x12", Samples.bytes("x12/850-004010.edi"));

        Path fromHub = server.root().resolve("from-hub");
        Awaitility.await("997 and 855 on the partner's server").atMost(Duration.ofSeconds(30))
                .until(() -> names(fromHub), names -> document(names, "855-").isPresent() && document(names, "997-").isPresent());
        assertThat(Files.readString(fromHub.resolve(document(names(fromHub), "997-").orElseThrow()))).contains("AK9*A").contains("IEA*");
        assertThat(hub.get("/api/orders?partner=ACME&documentNumber=ACME-PO-8801").body()).contains("\"erpOrderNumber\"");
        assertThat(server.root().resolve("to-hub/.done/po.x12")).exists();

        int booked = hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'ACME'");
        Path accounting = server.root().resolve("accounting");
        Awaitility.await("invoices on accounting's FTP folder").atMost(Duration.ofSeconds(20))
                .until(() -> names(accounting).stream().filter(n -> n.startsWith("INV-") && n.endsWith(".xml")).count() == booked);
        assertThat(Files.readString(accounting.resolve(names(accounting).stream().filter(n -> n.startsWith("INV-") && n.endsWith(".xml")).findFirst().orElseThrow())))
                .contains("<source>ACME</source>").contains("</invoice>");
    }

    private static Path knownHosts(String line) throws IOException {
        Path file = Files.createTempFile("known_hosts", "");
        Files.writeString(file, line + "\n");
        return file;
    }

    /** The demo partner profiles, one of them pointed at the test's server. */
    private static Path partnersWithRemote(String profile, String address, String... settings) throws IOException {
        Path partners = Files.createTempDirectory("partners");
        try (Stream<Path> profiles = Files.list(Path.of("config/partners"))) {
            for (Path file : profiles.toList()) {
                Files.copy(file, partners.resolve(file.getFileName()));
            }
        }
        Files.writeString(partners.resolve(profile + ".properties"), String.join("\n", "",
                "remote = " + address,
                "remote.user = " + PartnerServers.USER,
                "remote.password = " + PartnerServers.PASSWORD,
                "remote.inbound = /to-hub",
                "remote.outbound = /from-hub",
                "remote.poll-delay-ms = 300", String.join("\n", settings), ""), java.nio.file.StandardOpenOption.APPEND);
        return partners;
    }

    /** A complete document of this type: under its final name, not the .part it is uploaded as. */
    private static java.util.Optional<String> document(List<String> names, String type) {
        return names.stream().filter(n -> n.startsWith(type) && n.endsWith(".edi")).findFirst();
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
