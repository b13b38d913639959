package org.backofficehub.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.backofficehub.support.CallbackReceiver;
import org.backofficehub.support.PartnerServers;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file connector (config/erp/file-import.properties) through the whole daemon: each order is
 * one file in the layout the profile declares (file-import.ftl), written once under its
 * reference; the ERP's confirmation files are read back, its number taken into the booking record
 * and a confirmed notice, a refusal into a rejected notice. Files go to a folder, or to a real FTP
 * server (Apache FtpServer).
 */
class FileConnectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The README's web order in the shipped layout: what the ERP's import job reads. */
    private static String expectedFile(String reference) {
        return "H;" + reference + ";WEBSTORE;WEB-10001;20261123;EUR;Anna Müller;anna.muller@example.com;+49 30 1234567;Hauptstraße 5;"
                + "10115;Berlin;DE;Anna Müller c/o Kaffeehaus Mitte;Torstraße 101;10119;Berlin;DE;75.80\n"
                + "L;1;SKU-1001;Espresso cup, white porcelain;6.000;;6.50;39.00\n"
                + "L;2;SKU-2001;;2.000;;18.40;36.80\n";
    }

    @TempDir
    Path ftpRoot;

    @Test
    void eachOrderIsOneFileInTheDeclaredLayoutAndTheErpsConfirmationsAreTakenBack() throws Exception {
        try (CallbackReceiver webStore = CallbackReceiver.start();
             RunningHub hub = RunningHub.start(Map.of("hub.erp.profile", "file-import",
                     "hub.webstore.callback-url", webStore.url(),
                     "hub.outbound.poll-ms", "200",
                     // The ERP's confirmations quickly in a test: taken once unchanged for 200 ms.
                     "hub.erp.file.confirmations-endpoint", "file:" + "{{hub.data-dir}}/erp/confirmations?antInclude=*.csv"
                             + "&readLock=changed&readLockMinAge=200&move=.done&delay=200"))) {
            Path orders = hub.folder("erp/orders");

            HttpResponse<String> created = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));
            assertThat(created.statusCode()).isEqualTo(201);
            String reference = JSON.readTree(created.body()).path("erpOrderNumber").asText();
            assertThat(reference).matches("F-[0-9a-f]{12}");
            assertThat(Files.readString(orders.resolve("WEBSTORE_WEB-10001_" + reference + ".csv"))).isEqualTo(expectedFile(reference));

            // Delivered again: the booking's answer, and no second file.
            HttpResponse<String> again = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).path("erpOrderNumber").asText()).isEqualTo(reference);
            // Refused before anything is written: an item the ERP's item master does not have.
            HttpResponse<String> unknown = hub.postJson("/api/orders", Samples.bytes("webstore/invalid/unknown-sku.json"));
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(unknown.body()).contains("SKU SKU-DOES-NOT-EXIST is not in the ERP item master");
            assertThat(hub.postJson("/api/orders", Samples.bytes("customers/anna-web-1.json")).statusCode()).isEqualTo(201);
            assertThat(names(orders)).hasSize(2).satisfiesExactly(
                    first -> assertThat(first).isEqualTo("WEBSTORE_WEB-10001_" + reference + ".csv"),
                    second -> assertThat(second).matches("WEBSTORE_WEB-20001_F-[0-9a-f]{12}\\.csv"));

            // The ERP's import job answers: the first order is its 100001, the second it refuses.
            confirm(hub, "confirm-1.csv", "WEBSTORE;WEB-10001;100001;OP;\nWEBSTORE;WEB-20001;;CX;Credit limit exceeded\n");

            Awaitility.await("confirmation taken").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.exists(hub.folder("erp/confirmations/.done/confirm-1.csv")));
            Awaitility.await("confirmed and rejected notices").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> webStore.notices("confirmed").size() == 1 && refusedByTheErp(webStore).size() == 1);
            assertThat(webStore.notices("confirmed").get(0).path("erpOrderNumber").asText()).isEqualTo("100001");
            assertThat(refusedByTheErp(webStore).get(0).path("reason").asText()).isEqualTo("The ERP refused the order: Credit limit exceeded");
            HttpResponse<String> afterImport = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));
            assertThat(JSON.readTree(afterImport.body()).path("erpOrderNumber").asText()).isEqualTo("100001");

            // The order the ERP refused, sent again corrected under the same reference: booked anew, not "booked before".
            HttpResponse<String> resent = hub.postJson("/api/orders", Samples.bytes("customers/anna-web-1.json"));
            assertThat(resent.statusCode()).isEqualTo(201);

            // The same confirmation file again changes nothing.
            confirm(hub, "confirm-1-again.csv", "WEBSTORE;WEB-10001;100001;OP;\n");
            Awaitility.await("second file taken").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.exists(hub.folder("erp/confirmations/.done/confirm-1-again.csv")));
            assertThat(webStore.notices("confirmed")).hasSize(1);
        }
    }

    @Test
    void orderFilesGoToTheErpsFtpServer() throws Exception {
        try (PartnerServers.Server ftp = PartnerServers.ftp(ftpRoot);
             RunningHub hub = RunningHub.start(Map.of("hub.erp.profile", "file-import",
                     "hub.erp.file.orders-endpoint", "ftp://" + PartnerServers.USER + "@localhost:" + ftp.port() + "/import/orders?password="
                             + PartnerServers.PASSWORD + "&tempPrefix=.part-&fileExist=Override&binary=true&passiveMode=true"))) {
            HttpResponse<String> created = hub.postJson("/api/orders", Samples.bytes("webstore/order.json"));

            assertThat(created.statusCode()).isEqualTo(201);
            String reference = JSON.readTree(created.body()).path("erpOrderNumber").asText();
            Path uploaded = ftpRoot.resolve("import/orders/WEBSTORE_WEB-10001_" + reference + ".csv");
            assertThat(Files.readString(uploaded, StandardCharsets.UTF_8)).isEqualTo(expectedFile(reference));
            assertThat(names(uploaded.getParent())).as("no temporary file left").containsExactly("WEBSTORE_WEB-10001_" + reference + ".csv");
        }
    }

    /** The web store's rejected notices for WEB-20001 (WEB-BAD-3 has one too: the hub refused it). */
    private static List<JsonNode> refusedByTheErp(CallbackReceiver webStore) {
        return webStore.notices("rejected").stream().filter(n -> n.path("orderId").asText().equals("WEB-20001")).toList();
    }

    /** Written under a temporary name and renamed, as an ERP's export should. */
    private static void confirm(RunningHub hub, String name, String content) throws IOException {
        Path folder = Files.createDirectories(hub.folder("erp/confirmations"));
        Path temporary = folder.resolve(name + ".tmp");
        Files.writeString(temporary, content);
        Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
