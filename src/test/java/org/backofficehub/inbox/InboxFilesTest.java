package org.backofficehub.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.backofficehub.support.ExpectedProblems;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox folder on the real daemon: real files on disk, the real file consumer, the demo ERP on H2. */
class InboxFilesTest {

    private RunningHub hub;

    @BeforeEach
    void start() {
        hub = RunningHub.start(Map.of("hub.max-input-bytes", "8192"));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void xmlOrderIsBookedAndMovedToDone() throws Exception {
        hub.drop("xml/order.xml", "order.xml");

        Path archived = hub.awaitSingle("done", "_order.xml");

        assertThat(Files.readAllBytes(archived)).isEqualTo(Samples.bytes("xml/order.xml"));
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'CAFE-CENTRAL' AND OHCREF = 'PO-77001'")).isEqualTo(1);
        assertThat(hub.folder("inbox")).isEmptyDirectory();
    }

    @Test
    void jsonOrderIsRecognisedByContentWhateverItsName() throws Exception {
        hub.drop("webstore/order.json", "export-2026-11-23.xml");

        hub.awaitSingle("done", "_export-2026-11-23.xml");

        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-10001'")).isEqualTo(1);
    }

    @Test
    void everyInvalidSampleIsQuarantinedWithAReasonAndTheOriginalBytes() throws Exception {
        Map<String, String> expected = ExpectedProblems.of("xml/invalid");
        for (String file : expected.keySet()) {
            hub.drop("xml/invalid/" + file, file);
        }

        for (Map.Entry<String, String> expectation : expected.entrySet()) {
            Path quarantined = hub.awaitSingle("error", "_" + expectation.getKey());
            assertThat(Files.readAllBytes(quarantined)).isEqualTo(Samples.bytes("xml/invalid/" + expectation.getKey()));
            String reason = Files.readString(quarantined.resolveSibling(quarantined.getFileName() + ".reason.txt"));
            assertThat(reason).as(expectation.getKey()).contains("problem: " + expectation.getValue()).contains("reason: ");
        }
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isZero();
        assertThat(hub.get("/observe/health").statusCode()).isEqualTo(200);
    }

    @Test
    void erpRejectionIsQuarantinedNamingTheLine() throws Exception {
        hub.drop("webstore/invalid/unknown-sku.json", "unknown-sku.json");

        Path quarantined = hub.awaitSingle("error", "_unknown-sku.json");

        assertThat(Files.readString(quarantined.resolveSibling(quarantined.getFileName() + ".reason.txt")))
                .contains("problem: unknown-sku").contains("field: /lines/1/sku");
    }

    @Test
    void theVeryFileFoundInTheInboxAgainAfterACrashIsPassedOverNotQuarantined() throws Exception {
        hub.drop("xml/order.xml", "order.xml");
        Path done = hub.awaitSingle("done", "_order.xml");

        // What a crash between processing the file and moving it out leaves: the very file, in the inbox.
        Path part = hub.folder("inbox").resolve("order.xml.part");
        Files.copy(done, part, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(part, hub.folder("inbox").resolve("order.xml"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        Awaitility.await("passed over").atMost(Duration.ofSeconds(20)).until(() -> hub.listing("done").size() == 2);
        assertThat(hub.listing("error")).isEmpty();
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isEqualTo(1);

        // The same content as a new file, under the same name: a duplicate, as ever.
        hub.drop("xml/order.xml", "order.xml");
        assertThat(Files.readString(reasonOf(hub.awaitSingle("error", "_order.xml")))).contains("problem: duplicate-input");
    }

    private static Path reasonOf(Path quarantined) {
        return quarantined.resolveSibling(quarantined.getFileName() + ".reason.txt");
    }

    @Test
    void sameContentDroppedAgainIsNotBookedTwiceEvenAfterRestart() throws Exception {
        hub.drop("xml/order.xml", "order.xml");
        hub.awaitSingle("done", "_order.xml");

        hub.restart();
        hub.drop("xml/order.xml", "order-resent.xml");

        Path duplicate = hub.awaitSingle("error", "_order-resent.xml");
        assertThat(Files.readString(duplicate.resolveSibling(duplicate.getFileName() + ".reason.txt")))
                .contains("problem: duplicate-input");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isEqualTo(1);
    }

    @Test
    void sameOrderInDifferentBytesIsAcceptedButBookedOnce() throws Exception {
        hub.drop("xml/order.xml", "order.xml");
        hub.awaitSingle("done", "_order.xml");
        byte[] reformatted = Samples.text("xml/order.xml").replace("  ", "\t").getBytes(StandardCharsets.UTF_8);
        Files.write(hub.folder("inbox").resolve("order-reformatted.xml.part"), reformatted);
        Files.move(hub.folder("inbox").resolve("order-reformatted.xml.part"), hub.folder("inbox").resolve("order-reformatted.xml"));

        hub.awaitSingle("done", "_order-reformatted.xml");

        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isEqualTo(1);
    }

    @Test
    void oversizedFileIsQuarantinedWithoutBeingRead() throws Exception {
        Files.writeString(hub.folder("inbox").resolve("huge.json"), "{\"pad\":\"" + "x".repeat(20_000) + "\"}");

        Path quarantined = hub.awaitSingle("error", "_huge.json");

        assertThat(Files.readString(quarantined.resolveSibling(quarantined.getFileName() + ".reason.txt")))
                .contains("problem: input-too-large");
    }

    @Test
    void fileIsNotReadWhileStillBeingWritten() throws Exception {
        byte[] order = TestOrders.webOrderJson("WEB-SLOW-1", "SKU-1001", 1).getBytes(StandardCharsets.UTF_8);
        Path target = hub.folder("inbox").resolve("slow.json");
        // A writer that trickles the file in over ~1.5 s, longer than the minimum age; read early,
        // the half file would be malformed and land in error/.
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int i = 0; i < order.length; i += order.length / 10 + 1) {
                out.write(order, i, Math.min(order.length / 10 + 1, order.length - i));
                out.flush();
                Thread.sleep(150);
            }
        }

        hub.awaitSingle("done", "_slow.json");

        assertThat(hub.listing("error")).isEmpty();
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'WEB-SLOW-1'")).isEqualTo(1);
    }

    @Test
    void temporaryNamesAreIgnoredUntilRenamed() throws Exception {
        Path part = hub.folder("inbox").resolve("order.xml.part");
        Files.write(part, Samples.bytes("xml/order.xml"));

        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> Files.exists(part));
        Files.move(part, hub.folder("inbox").resolve("order.xml"));

        hub.awaitSingle("done", "_order.xml");
    }
}
