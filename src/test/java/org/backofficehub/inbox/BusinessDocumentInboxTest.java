package org.backofficehub.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backofficehub.support.ExpectedProblems;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * UBL, cXML and openTRANS orders through the real daemon: real files in the inbox, the shipped
 * mappings (config/mappings/), the demo ERP's catalogue on H2, the UBL order response in the outbox.
 */
class BusinessDocumentInboxTest {

    private static final String FOLDER = "business-documents/";

    @ParameterizedTest
    @CsvSource({
            "ubl-order.xml, UBL:GLN:7300010000001, 34",
            "cxml-order-request.xml, CXML:DUNS:942888711, DO1234",
            "opentrans-order.xml, OPENTRANS:GLN:4031865000002, CAM-2026-0815"})
    void sampleIsBookedExactlyOnce(String sample, String source, String orderId) throws Exception {
        try (RunningHub hub = RunningHub.start()) {
            hub.drop(FOLDER + sample, sample);

            Path archived = hub.awaitSingle("done", "_" + sample);
            assertThat(Files.readAllBytes(archived)).isEqualTo(Samples.bytes(FOLDER + sample));
            String order = "FROM ORDHDR WHERE OHSRC = '" + source + "' AND OHCREF = '" + orderId + "'";
            assertThat(hub.erpNumber("SELECT COUNT(*) " + order)).isEqualTo(1);
            // Every line resolved to our item (by our number, the GTIN), priced (sent, or the list price).
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDLIN WHERE OLORNO = (SELECT OHORNO " + order + ") AND OLITNO LIKE 'SKU-%'"))
                    .isEqualTo(3);

            // The same file again: refused as a duplicate; the same order in other bytes: done, booked once.
            hub.drop(FOLDER + sample, "again-" + sample);
            Path duplicate = hub.awaitSingle("error", "_again-" + sample);
            assertThat(reason(duplicate)).contains("problem: duplicate-input");
            hub.dropText(Samples.text(FOLDER + sample).replace("  ", "\t"), "reformatted-" + sample);
            hub.awaitSingle("done", "_reformatted-" + sample);
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isEqualTo(1);
        }
    }

    @Test
    void theUblSamplesLinesAreBookedAsItsBuyerMeantThem() throws Exception {
        try (RunningHub hub = RunningHub.start()) {
            hub.drop(FOLDER + "ubl-order.xml", "ubl-order.xml");
            hub.awaitSingle("done", "_ubl-order.xml");

            String lines = "FROM ORDLIN WHERE OLORNO = (SELECT OHORNO FROM ORDHDR WHERE OHCREF = '34')";
            // Cups by our number at the sent price; beans by GTIN alone at 184.00 per 10 kg; descaler at the list price.
            assertThat(hub.erpNumber("SELECT COUNT(*) " + lines + " AND OLLINE = 1 AND OLITNO = 'SKU-1001' AND OLQTY = 24 AND OLPRIC = 6.50")).isEqualTo(1);
            assertThat(hub.erpNumber("SELECT COUNT(*) " + lines + " AND OLLINE = 2 AND OLITNO = 'SKU-2001' AND OLQTY = 10 AND OLPRIC = 18.40")).isEqualTo(1);
            assertThat(hub.erpNumber("SELECT COUNT(*) " + lines + " AND OLLINE = 3 AND OLITNO = 'SKU-5001' AND OLQTY = 6 AND OLPRIC = 9.80")).isEqualTo(1);
        }
    }

    @Test
    void aUblSenderThatAskedForItGetsAnOrderResponseWithTheErpNumber() throws Exception {
        try (RunningHub hub = RunningHub.start()) {
            hub.drop(FOLDER + "ubl-order.xml", "ubl-order.xml");
            hub.awaitSingle("done", "_ubl-order.xml");

            Path response = hub.awaitSingle("outbox/UBL_GLN_7300010000001", "OrderResponse-34.xml");
            int erpNumber = hub.erpNumber("SELECT OHORNO FROM ORDHDR WHERE OHCREF = '34'");
            assertThat(Files.readString(response))
                    .contains("<OrderResponse xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2\"")
                    .contains("<cbc:OrderResponseCode listID=\"UNCL4343OpSubset\">AP</cbc:OrderResponseCode>")
                    .contains("<cbc:SalesOrderID>" + erpNumber + "</cbc:SalesOrderID>")
                    .contains("<cac:OrderReference>\n      <cbc:ID>34</cbc:ID>");
            assertThat(hub.listing("outbox/UBL_GLN_7300010000001")).hasSize(1); // no .part left behind
        }
    }

    @Test
    void aUblOrderSentUnderAnOrderOnlyProfileGetsNoResponse() throws Exception {
        try (RunningHub hub = RunningHub.start()) {
            hub.dropText(Samples.text(FOLDER + "ubl-order.xml").replace("urn:fdc:peppol.eu:poacc:bis:ordering:3",
                    "urn:fdc:peppol.eu:poacc:bis:order_only:3"), "order-only.xml");

            hub.awaitSingle("done", "_order-only.xml");
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = '34'")).isEqualTo(1);
            assertThat(hub.folder("outbox/UBL_GLN_7300010000001")).doesNotExist();
        }
    }

    @Test
    void aUblOrderTheCatalogueRefusesIsQuarantinedAndRejectedInItsResponse() throws Exception {
        try (RunningHub hub = RunningHub.start()) {
            hub.dropText(Samples.text(FOLDER + "ubl-order.xml").replace("<cbc:ID>SKU-5001</cbc:ID>", "<cbc:ID>SKU-0000</cbc:ID>"),
                    "unknown-item.xml");

            Path quarantined = hub.awaitSingle("error", "_unknown-item.xml");
            assertThat(reason(quarantined)).contains("problem: unknown-sku")
                    .contains("line 3: no item in the catalogue for SellersItemIdentification SKU-0000");
            Path response = hub.awaitSingle("outbox/UBL_GLN_7300010000001", "OrderResponse-34.xml");
            assertThat(Files.readString(response)).contains(">RE</cbc:OrderResponseCode>")
                    .contains("line 3: no item in the catalogue for SellersItemIdentification SKU-0000")
                    .doesNotContain("SalesOrderID");
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isZero();
        }
    }

    @Test
    void inBatchModeAUblSenderIsToldItsOrderWasReceived() throws Exception {
        try (RunningHub hub = RunningHub.start(Map.of("hub.routes.inbox-files.mode", "batch"))) {
            hub.drop(FOLDER + "ubl-order.xml", "ubl-order.xml");
            hub.awaitSingle("done", "_ubl-order.xml");

            Path response = hub.awaitSingle("outbox/UBL_GLN_7300010000001", "OrderResponse-34.xml");
            assertThat(Files.readString(response)).contains(">AB</cbc:OrderResponseCode>").contains("booked with the next batch")
                    .doesNotContain("SalesOrderID");
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isZero();
        }
    }

    @Test
    void everyInvalidSampleIsQuarantinedWithItsReasonAndTheOriginalBytes() throws Exception {
        Map<String, String> expected = ExpectedProblems.of(FOLDER + "invalid");
        try (RunningHub hub = RunningHub.start()) {
            for (String file : expected.keySet()) {
                hub.drop(FOLDER + "invalid/" + file, file);
            }

            for (Map.Entry<String, String> expectation : expected.entrySet()) {
                String[] problem = expectation.getValue().split(":", 2);
                Path quarantined = hub.awaitSingle("error", "_" + expectation.getKey());
                assertThat(Files.readAllBytes(quarantined)).isEqualTo(Samples.bytes(FOLDER + "invalid/" + expectation.getKey()));
                assertThat(reason(quarantined)).as(expectation.getKey()).contains("problem: " + problem[0].trim())
                        .contains(problem[1].trim());
            }
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isZero();
            assertThat(hub.listing("outbox")).isEmpty();
        }
    }

    /** The README's worked example, as an operator does it: a copy of the mapping, one field changed, the key pointed at it. */
    @Test
    void aChangedMappingNamedByItsKeyTakesEffect(@TempDir Path mappings) throws Exception {
        Path copy = mappings.resolve("my-ubl-order.xsl");
        Files.writeString(copy, Files.readString(Path.of("config/mappings/ubl-order.xsl"), StandardCharsets.UTF_8)
                .replace("(cac:Item/cbc:Name, cac:Item/cbc:Description)", "(cac:Item/cbc:Description, cac:Item/cbc:Name)"));
        try (RunningHub hub = RunningHub.start(Map.of("hub.mapping.ubl", "file:" + copy))) {
            hub.drop(FOLDER + "ubl-order.xml", "ubl-order.xml");
            hub.awaitSingle("done", "_ubl-order.xml");

            assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDLIN WHERE OLLINE = 1"
                    + " AND OLDESC = 'Espresso cup, 70 ml, white porcelain, dishwasher safe'")).isEqualTo(1);
        }
    }

    /** A mapping slip is the mapping's fault: the documents it fails are quarantined naming it, the other standards go on. */
    @Test
    void aMappingThatDoesNotCompileQuarantinesItsDocumentsNamingIt(@TempDir Path mappings) throws Exception {
        Path broken = mappings.resolve("cxml-order-request.xsl");
        Files.writeString(broken, Files.readString(Path.of("config/mappings/cxml-order-request.xsl"), StandardCharsets.UTF_8)
                .replace("<xsl:template match=\"ItemOut\">", "<xsl:template match=\"ItemOut[\">"));
        try (RunningHub hub = RunningHub.start(Map.of("hub.mapping.cxml", "file:" + broken))) {
            hub.drop(FOLDER + "cxml-order-request.xml", "cxml-order-request.xml");
            hub.drop(FOLDER + "ubl-order.xml", "ubl-order.xml");

            Path quarantined = hub.awaitSingle("error", "_cxml-order-request.xml");
            assertThat(reason(quarantined)).contains("problem: processing-failed")
                    .contains("MappingFailedException: The mapping file:" + broken + " (hub.mapping.cxml) does not compile")
                    .contains("Line#: ");
            hub.awaitSingle("done", "_ubl-order.xml");
        }
    }

    private static String reason(Path quarantined) throws Exception {
        return Files.readString(quarantined.resolveSibling(quarantined.getFileName() + ".reason.txt"));
    }
}
