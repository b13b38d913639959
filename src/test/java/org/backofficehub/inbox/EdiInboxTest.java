package org.backofficehub.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.backofficehub.support.CanonicalJson;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * EDI through the real daemon, as a new user tries it: samples dropped into the inbox, orders in
 * the ERP and through the API, acknowledgements and order responses in the partners' outboxes.
 */
class EdiInboxTest {

    private RunningHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void everyValidSampleIsBookedAcknowledgedAndAnswered() throws Exception {
        hub = RunningHub.start();
        for (String sample : new String[] {"edifact/orders-d96a-eancom.edi", "edifact/orders-d01b.edi", "x12/850-004010.edi",
                "x12/850-005010.edi", "x12/850-two-groups.edi", "edifact/two-interchanges.edi"}) {
            String name = Path.of(sample).getFileName().toString();
            hub.drop(sample, name);
            hub.awaitSingle("done", "_" + name);
        }

        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isEqualTo(11);
        HttpResponse<String> found = hub.get("/api/orders?partner=NORDWIND&documentNumber=NW-PO-4711");
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode order = CanonicalJson.parse(found.body()).get(0);
        assertThat(order.path("status").asText()).isEqualTo("BOOKED");
        assertThat(order.path("lines")).hasSize(2);
        assertThat(hub.get("/api/orders?partner=GLOBEX&documentNumber=GLX-77-0042").body()).contains("\"erpOrderNumber\"");

        assertThat(outbox("nordwind", "CONTRL-")).contains("UCI+NW000000001+4012345000009:14+5790000000004:14+7'");
        assertThat(outbox("nordwind", "ORDRSP-")).contains("RFF+ON:NW-PO-4711'").contains("BGM+231+");
        assertThat(outbox("bergmann", "ORDRSP-")).contains("RFF+ON:BG-2026-0815'");
        assertThat(outbox("acme", "997-")).contains("AK1*PO*101~").contains("AK9*A*2*2*2~");
        assertThat(outbox("acme", "855-")).contains("BAK*00*AD*ACME-PO-8801*20261120");
        assertThat(outbox("globex", "999-")).contains("AK1*PO*4711*005010~").contains("AK9*A*1*1*1~");
        assertThat(outbox("globex", "855-")).contains("BAK*00*AD*GLX-77-0042");
    }

    @Test
    void theSameInterchangeTwiceIsBookedOnceAndTheSecondRejectedAsDuplicate() throws Exception {
        hub = RunningHub.start();
        hub.drop("edifact/orders-d01b.edi", "first.edi");
        hub.awaitSingle("done", "_first.edi");
        hub.drop("edifact/orders-d01b.edi", "resent.edi");

        Path duplicate = hub.awaitSingle("error", "_resent.edi");
        assertThat(Files.readAllBytes(duplicate)).isEqualTo(Samples.bytes("edifact/orders-d01b.edi"));
        assertThat(reason(duplicate)).contains("problem: duplicate-input").contains("BG4401");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'BERGMANN' AND OHCREF = 'BG-2026-0815'")).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox("bergmann", "CONTRL-").contains("+4+26+UNB'"));
    }

    @Test
    void theSameFileFoundInTheInboxAgainAfterACrashIsPassedOverNeitherRejectedNorAnsweredAgain() throws Exception {
        hub = RunningHub.start();
        hub.drop("edifact/orders-d01b.edi", "first.edi");
        Path done = hub.awaitSingle("done", "_first.edi");
        // Its acknowledgement, order response and, once the follow-up has invoiced it, the partner's invoice.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outboxNames("bergmann").size() == 3);
        List<String> answered = outboxNames("bergmann");

        // What a crash between reading the file to the end and moving it out leaves: the very file, in the inbox.
        Path part = hub.folder("inbox").resolve("first.edi.part");
        Files.copy(done, part, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(part, hub.folder("inbox").resolve("first.edi"), StandardCopyOption.ATOMIC_MOVE);

        Awaitility.await("passed over").atMost(Duration.ofSeconds(20)).until(() -> hub.listing("done").size() == 2);
        assertThat(hub.listing("error")).isEmpty();
        assertThat(outboxNames("bergmann")).as("no second acknowledgement or order response").isEqualTo(answered);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'BERGMANN' AND OHCREF = 'BG-2026-0815'")).isEqualTo(1);

        // The same interchange from the partner again, the same name but a new file: a duplicate, as ever.
        hub.drop("edifact/orders-d01b.edi", "first.edi");
        assertThat(reason(hub.awaitSingle("error", "_first.edi"))).contains("problem: duplicate-input");
    }

    @Test
    void anOrderTheCatalogueCannotSettleIsHeldForAnAdministratorWhenTheProfileSaysHold() throws Exception {
        hub = RunningHub.start(Map.of("hub.partner.bergmann.unsettled", "hold"));
        hub.drop("edifact/invalid/unknown-gtin.edi", "unknown-gtin.edi");

        // Acknowledged and kept: nothing refused to the partner yet, the file itself is done.
        hub.awaitSingle("done", "_unknown-gtin.edi");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox("bergmann", "CONTRL-").contains("UCI+BG9008+"));
        assertThat(outbox("bergmann", "ORDRSP-")).isEmpty();
        JsonNode held = CanonicalJson.parse(hub.admin("GET", "/admin/failures?state=open", null).body()).get(0);
        assertThat(held.path("kind").asText()).isEqualTo("held-order");
        assertThat(held.path("reason").asText()).contains("no item in the catalogue for SRV 4000862141404");

        // The administrator names the item; replayed, the order is settled, booked and answered.
        String corrected = held.path("payload").asText().replace("\"sku\":null", "\"sku\":\"SKU-2002\"");
        HttpResponse<String> replay = hub.admin("POST", "/admin/failures/" + held.path("id").asLong() + "/replay", corrected);

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'BERGMANN' AND OHCREF = 'BG-9008'")).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox("bergmann", "ORDRSP-").contains("BGM+231+"));
        assertThat(outbox("bergmann", "ORDRSP-")).contains("LIN+10+5+4000862141404:SRV'").contains("PIA+1+SKU-2002:SA'");
    }

    @Test
    void filesWithAByteOrderMarkBlankLinesOrInEbcdicAreReadAsAnyOther() throws Exception {
        hub = RunningHub.start();
        String sample = Files.readString(Samples.path("x12/850-004010.edi"));
        hub.dropText("\uFEFF\r\n\r\n" + sample.replace("000000101", "000000903").replace("ACME-PO-88", "ACME-BOM-88"), "bom.edi");
        hub.dropBytes(sample.replace("000000101", "000000904").replace("ACME-PO-88", "ACME-EBC-88").getBytes("IBM037"), "ebcdic.edi");

        hub.awaitSingle("done", "_bom.edi");
        hub.awaitSingle("done", "_ebcdic.edi");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF LIKE 'ACME-BOM-88%'")).isEqualTo(2);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF LIKE 'ACME-EBC-88%' AND OHNAME = 'Acme Coffee Supply Inc'"))
                .as("names decoded from EBCDIC").isEqualTo(2);
    }

    @Test
    void aTestInterchangeIsAcknowledgedAndAnsweredAsATestButNotBooked() throws Exception {
        hub = RunningHub.start();
        String sample = Files.readString(Samples.path("x12/850-004010.edi"));
        hub.dropText(sample.replace("*P*>~", "*T*>~").replace("000000101", "000000901"), "test.edi");

        hub.awaitSingle("done", "_test.edi");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'ACME'")).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox("acme", "997-").contains("AK9*A*2*2*2~")
                && outbox("acme", "855-").contains("BAK*00*AD*ACME-PO-8802"));
        // Answers to a test are tests too (ISA15 T); accepted, but with no ERP order number (BAK08).
        assertThat(outbox("acme", "997-")).contains("*0*T*>~");
        assertThat(outbox("acme", "855-")).contains("*0*T*>~").contains("BAK*00*AD*ACME-PO-8801*20261120****").doesNotContain("100001");
    }

    @Test
    void theSameOrderTwiceInOneInterchangeIsBookedAndAnsweredOnceAndTheRepeatNamedInTheReason() throws Exception {
        hub = RunningHub.start();
        String sample = Files.readString(Samples.path("x12/850-004010.edi"));
        hub.dropText(sample.replace("ACME-PO-8802", "ACME-PO-8801").replace("000000101", "000000902"), "twice.edi");

        Path twice = hub.awaitSingle("error", "_twice.edi");
        assertThat(reason(twice)).contains("order ACME-PO-8801 was sent twice in interchange 000000902");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'ACME' AND OHCREF = 'ACME-PO-8801'")).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox("acme", "855-").contains("BAK*00*AD*ACME-PO-8801"));
        // One answer under the order's number: a refusal of the repeat would contradict the acceptance.
        assertThat(outbox("acme", "855-")).doesNotContain("*RJ*").doesNotContain("retry");
        assertThat(outbox("acme", "997-")).contains("AK9*A*2*2*2~");
    }

    @Test
    void aMalformedInterchangeIsRejectedWithTheStandardsCodesAndKeptWithAReason() throws Exception {
        hub = RunningHub.start();
        hub.drop("edifact/invalid/invalid-quantity.edi", "bad-quantity.edi");
        hub.drop("x12/invalid/bad-iea-count.edi", "bad-count.edi");

        Path quarantined = hub.awaitSingle("error", "_bad-quantity.edi");
        assertThat(Files.readAllBytes(quarantined)).isEqualTo(Samples.bytes("edifact/invalid/invalid-quantity.edi"));
        // D01B's quantity (6060) is an..35: 'many' is well-formed there and refused as no number by the translator.
        assertThat(reason(quarantined)).contains("problem: edi-rejected").contains("QTY (segment 6): 'many' is not a number");
        assertThat(reason(hub.awaitSingle("error", "_bad-count.edi"))).contains("problem: edi-rejected");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox("bergmann", "CONTRL-").contains("UCM+M1+ORDERS:D:01B:UN+4+18'")
                && outbox("acme", "TA1-").contains("TA1*000000203*261120*1015*R*021~"));
    }

    @Test
    void aVersionOlderThanEveryGuidesMajorVersionIsAcknowledgedAsNotSupportedUnlessTheProfileNamesIt() throws Exception {
        hub = RunningHub.start();
        // ACME's profile names 004010. 002040 is older than every guide's major version (its segments and
        // codes differ from 003040's): read with the nearest guide only if the profile named it.
        String x12 = Samples.text("x12/850-004010.edi").replace("*20261120*1015*101*X*004010~", "*261120*1015*101*X*002040~");
        Path inbox = hub.folder("inbox");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("v2040.edi.part"), x12);
        Files.move(inbox.resolve("v2040.edi.part"), inbox.resolve("v2040.edi"));

        assertThat(reason(hub.awaitSingle("error", "_v2040.edi"))).contains("version 002040 of 850 is not supported");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox("acme", "997-").contains("AK5*R*1~"));
        assertThat(outbox("acme", "997-")).as("the nearest guide's findings are not the partner's errors").doesNotContain("AK3*");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isZero();
    }

    @Test
    void partnersAcknowledgementsAreReconciledWithWhatWasSent() throws Exception {
        hub = RunningHub.start();
        hub.drop("x12/850-004010.edi", "po.edi");
        hub.awaitSingle("done", "_po.edi");
        assertThat(outboundAck("ACME", "855")).isEqualTo("awaited");

        hub.drop("x12/acknowledgements/997-from-acme.edi", "997.edi");
        hub.awaitSingle("done", "_997.edi");

        assertThat(outboundAck("ACME", "855")).isEqualTo("accepted");
        assertThat(outbox("acme", "997-")).as("an acknowledgement is never acknowledged").doesNotContain("AK1*FA");
    }

    /**
     * Issue 21, 9: the partner's 810 was numbered INV-100006 while accounting booked INV-2026-000006, net only while
     * accounting added 19 % VAT (to a US partner in USD), and "send invoice" sent a second 810 for an order invoiced already.
     */
    @Test
    void thePartnersInvoiceIsAccountingsOneInvoiceAndAnAdministratorsSendRepeatsItAsADuplicate() throws Exception {
        hub = RunningHub.start();
        hub.drop("x12/850-004010.edi", "po.edi");
        hub.awaitSingle("done", "_po.edi");
        // The sample holds two orders, ACME-PO-8801 and -8802: two invoices.
        List<Path> issued = Awaitility.await("both invoices").atMost(Duration.ofSeconds(20)).until(() -> hub.listing("accounting").stream()
                .filter(p -> p.getFileName().toString().endsWith(".xml")).toList(), found -> found.size() == 2);
        String accounting = null;
        for (Path xml : issued) {
            if (Files.readString(xml).contains("<orderId>ACME-PO-8801</orderId>")) {
                accounting = Files.readString(xml);
            }
        }
        assertThat(accounting).isNotNull();
        String invoiceNumber = between(accounting, "<invoiceNumber>", "</invoiceNumber>");
        assertThat(invoiceNumber).matches("INV-\\d{4}-\\d{6}");
        assertThat(accounting).as("goods to the US: an export, no German VAT").contains("<taxCategory>G</taxCategory>")
                .contains("<tax>0.00</tax>").contains("<gross>266.40</gross>").contains("Article 146");
        Awaitility.await("the 810s that follow the invoices").atMost(Duration.ofSeconds(20))
                .until(() -> outboxNames("acme").stream().filter(n -> n.startsWith("810-")).count() == 2);
        assertThat(outbox("acme", "810-")).contains("BIG*20").contains("*" + invoiceNumber + "*").contains("TDS*26640~")
                .contains("TXI*VA*0.00*0***1~");

        HttpResponse<String> invoice = hub.admin("POST", "/admin/edi/partners/ACME/orders/ACME-PO-8801/invoice", "");
        HttpResponse<String> despatch = hub.admin("POST", "/admin/edi/partners/ACME/orders/ACME-PO-8801/despatch-advice", "");
        HttpResponse<String> unknown = hub.admin("POST", "/admin/edi/partners/ACME/orders/NO-SUCH-PO/invoice", "");

        assertThat(invoice.statusCode()).as(invoice.body()).isEqualTo(201);
        JsonNode sent = CanonicalJson.parse(invoice.body());
        assertThat(sent.path("invoiceNumber").asText()).isEqualTo(invoiceNumber);
        assertThat(sent.path("duplicate").asBoolean()).isTrue();
        assertThat(despatch.statusCode()).as(despatch.body()).isEqualTo(201);
        assertThat(unknown.statusCode()).isEqualTo(404);
        List<String> invoices = new java.util.ArrayList<>();
        for (String name : outboxNames("acme")) {
            String document = Files.readString(hub.folder("outbox/acme").resolve(name));
            if (name.startsWith("810-") && document.contains("*ACME-PO-8801")) {
                invoices.add(document);
            }
        }
        assertThat(invoices).hasSize(2).allSatisfy(document -> assertThat(document).contains("*" + invoiceNumber + "*"));
        assertThat(invoices).filteredOn(document -> document.contains("*ACME-PO-8801****07~")).as("the repeat says it is a duplicate")
                .hasSize(1);
        assertThat(hub.listing("accounting").stream().filter(p -> p.getFileName().toString().endsWith(".xml"))).as("no further invoice")
                .hasSize(2);
        assertThat(outbox("acme", "856-")).contains("PRF*ACME-PO-8801~").contains("SN1**24*EA~");
        assertThat(outboundAck("ACME", "810")).isEqualTo("awaited");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    @Test
    void inBatchModeTheOrderResponsesFollowTheDrain() throws Exception {
        hub = RunningHub.start();
        HttpResponse<String> batch = hub.admin("PUT", "/admin/routes/inbox-files/mode", "{\"mode\":\"batch\",\"cron\":\"0 0 3 * * ?\"}");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        hub.drop("edifact/orders-d96a-eancom.edi", "staged.edi");
        hub.awaitSingle("done", "_staged.edi");

        assertThat(outbox("nordwind", "CONTRL-")).as("acknowledged on receipt").contains("UCI+NW000000001+");
        assertThat(outbox("nordwind", "ORDRSP-")).as("nothing booked yet").isEmpty();
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isZero();

        HttpResponse<String> drained = hub.admin("POST", "/admin/routes/inbox-files/run", "");
        assertThat(drained.body()).contains("\"booked\":2");
        assertThat(outbox("nordwind", "ORDRSP-")).contains("RFF+ON:NW-PO-4711'").contains("RFF+ON:NW-PO-4712'").contains("+29'");
    }

    @Test
    void controlNumbersAreNeverReusedAcrossRestarts() throws Exception {
        hub = RunningHub.start();
        hub.drop("x12/850-004010.edi", "po.edi");
        hub.awaitSingle("done", "_po.edi");
        hub.restart();

        hub.drop("x12/850-two-groups.edi", "more.edi");
        hub.awaitSingle("done", "_more.edi");

        // Invoices (810) for the booked orders follow on their own and take numbers too, so the
        // claim is about numbers, not names: none is handed out twice, and none before the restart again after it.
        Awaitility.await("both files answered").atMost(Duration.ofSeconds(20)).until(() -> outboxNames("acme").stream()
                .filter(n -> n.startsWith("997-") || n.startsWith("855-")).count() == 4);
        int bookedOrders = hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'ACME'");
        Awaitility.await("an invoice per booked order").atMost(Duration.ofSeconds(20))
                .until(() -> outboxNames("acme").stream().filter(n -> n.startsWith("810-")).count() == bookedOrders);
        List<String> names = outboxNames("acme");
        assertThat(names.stream().map(EdiInboxTest::controlNumber)).doesNotHaveDuplicates();
        assertThat(names).contains("855-ACME-000000001.edi", "997-ACME-000000002.edi");
    }

    /** 997-ACME-000000002.edi: 2. */
    private static long controlNumber(String outboxName) {
        return Long.parseLong(outboxName.substring(outboxName.lastIndexOf('-') + 1, outboxName.length() - ".edi".length()));
    }

    /** Finished documents only: one being written is still named ....edi.part. */
    private List<String> outboxNames(String partner) throws java.io.IOException {
        return hub.listing("outbox/" + partner).stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".edi")).toList();
    }

    @Test
    void aPartnerWhoseProfileNamesSmooksIsReadBySmooks() throws Exception {
        System.setProperty("hub.partner.bergmann.engine", "smooks");
        try {
            hub = RunningHub.start();
            hub.drop("edifact/orders-d01b.edi", "bergmann.edi");
            // On a clean clone Smooks first compiles its DFDL schema: 20-30 s on a quiet machine, 94 s seen on a busy one.
            Path done = Awaitility.await("read by Smooks").atMost(Duration.ofSeconds(240)).until(
                    () -> hub.listing("done").stream().filter(p -> p.getFileName().toString().endsWith("_bergmann.edi")).findFirst(),
                    java.util.Optional::isPresent).get();
            assertThat(done).exists();
            assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'BERGMANN' AND OHCREF = 'BG-2026-0815'")).isEqualTo(1);
            assertThat(outbox("bergmann", "ORDRSP-")).contains("RFF+ON:BG-2026-0815'").contains("PRI+AAA:129.00'");
            HttpResponse<String> partners = hub.admin("GET", "/admin/edi/partners", null);
            assertThat(partners.body()).contains("\"partner\":\"BERGMANN\"").contains("\"engine\":\"smooks\"");
        } finally {
            System.clearProperty("hub.partner.bergmann.engine");
        }
    }

    /**
     * Issue 21, secure by default: with no hub.partners.unknown set, an interchange from a sender
     * without a profile is refused unread, nothing lost: the file in error/ with a reason naming the
     * sender and how to accept it, an open failure holding its bytes, no order booked and nothing
     * written to any outbox (no profile says where). A profile added for the sender, a restart
     * (profiles are read at start) and a replay of that failure book it as the new partner's.
     */
    @Test
    void anUnknownSenderIsRefusedByDefaultAndBookedOnReplayOnceItHasAProfile() throws Exception {
        Path partners = Files.createTempDirectory("partners");
        try (java.util.stream.Stream<Path> profiles = Files.list(Path.of("config/partners"))) {
            for (Path profile : profiles.toList()) {
                Files.copy(profile, partners.resolve(profile.getFileName()));
            }
        }
        hub = RunningHub.start(Map.of("hub.partners.dir", partners.toString()));
        int ordersBefore = hub.erpNumber("SELECT COUNT(*) FROM ORDHDR");
        hub.drop("edifact/invalid/unknown-partner.edi", "stranger.edi");

        Path quarantined = hub.awaitSingle("error", "_stranger.edi");
        assertThat(Files.readAllBytes(quarantined)).as("kept as it came").isEqualTo(Samples.bytes("edifact/invalid/unknown-partner.edi"));
        assertThat(reason(quarantined)).contains("problem: edi-rejected")
                .contains("no partner profile for sender STRANGER (qualifier ZZZ), and hub.partners.unknown = reject")
                .contains("nothing of the interchange was booked and no acknowledgement sent")
                .contains("add a partner profile for it (interchange.id = STRANGER, interchange.qualifier = ZZZ)")
                .contains("on the console's Partners page, taken at once, or as a file in " + partners + "/, read at the next start")
                .contains("then replay this failure")
                .contains("or set hub.partners.unknown = accept");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isEqualTo(ordersBefore);
        assertThat(hub.folder("outbox")).as("no acknowledgement, to no one").doesNotExist();
        JsonNode failure = openFailure();
        assertThat(failure.path("kind").asText()).isEqualTo("inbox-file");
        assertThat(failure.path("problem").asText()).isEqualTo("edi-rejected");
        assertThat(failure.path("reason").asText()).contains("no partner profile for sender STRANGER (qualifier ZZZ)");

        Files.writeString(partners.resolve("stranger.properties"), String.join("\n",
                "# Added by the administrator after the refusal named the sender.",
                "partner = STRANGER", "standard = EDIFACT", "version = D01B", "interchange.id = STRANGER", "interchange.qualifier = ZZZ",
                "our.id = BACKOFFICEHUB", "our.qualifier = ZZZ", "documents.in = ORDERS", "documents.out = ORDRSP", "ack = CONTRL",
                "outbox = stranger", ""));
        hub.restart();
        HttpResponse<String> replay = hub.admin("POST", "/admin/failures/" + failure.path("id").asLong() + "/replay", null);

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        hub.awaitSingle("done", "-stranger.edi");
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'STRANGER' AND OHCREF = 'BG-2026-0815'")).isEqualTo(1);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR")).isEqualTo(ordersBefore + 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox("stranger", "CONTRL-").contains("UCI+ST0001+STRANGER:ZZZ+"));
        assertThat(inbound("STRANGER").path("state").asText()).isEqualTo("completed");
    }

    /** The one open failure, as the admin API lists it. */
    private JsonNode openFailure() {
        return Awaitility.await("an open failure").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> CanonicalJson.parse(hub.admin("GET", "/admin/failures?state=open", null).body()), open -> open.size() == 1)
                .get(0);
    }

    /** The option: an operator who means to take orders from anyone who can drop a file sets accept. */
    @Test
    void unknownSendersGetAStandInProfileWhenThePolicySaysAccept() throws Exception {
        hub = RunningHub.start(Map.of("hub.partners.unknown", "accept"));
        hub.drop("x12/invalid/unknown-partner.edi", "stranger.edi");

        hub.awaitSingle("done", "_stranger.edi");
        // Its orders' source is the stand-in's own (standard, qualifier, id): never a configured partner's or the web store's.
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'X12:ZZ:STRANGERCO'")).isEqualTo(2);
        assertThat(outbox("unknown-X12_ZZ_STRANGERCO", "997-")).contains("AK9*A*2*2*2~");
    }

    @Test
    void theSameInterchangeDroppedUnderFiveNamesAtOnceIsAnsweredOnce() throws Exception {
        hub = RunningHub.start();
        byte[] interchange = Samples.bytes("x12/850-004010.edi");
        Path inbox = Files.createDirectories(hub.folder("inbox"));
        for (int i = 1; i <= 5; i++) {
            Files.write(inbox.resolve("copy-" + i + ".edi.part"), interchange);
        }
        for (int i = 1; i <= 5; i++) {
            Files.move(inbox.resolve("copy-" + i + ".edi.part"), inbox.resolve("copy-" + i + ".edi"), StandardCopyOption.ATOMIC_MOVE);
        }

        Awaitility.await("all five handled").atMost(Duration.ofSeconds(30))
                .until(() -> hub.listing("done").size() + hub.listing("error").size() == 5);
        assertThat(hub.listing("done")).hasSize(1);
        for (Path duplicate : hub.listing("error")) {
            assertThat(reason(duplicate)).contains("problem: duplicate-input").contains("interchange 000000101 from ACME");
        }
        assertThat(outboxNames("acme")).filteredOn(n -> n.startsWith("997-")).hasSize(1);
        assertThat(outboxNames("acme")).filteredOn(n -> n.startsWith("855-")).hasSize(1);
        assertThat(outbox("acme", "855-")).contains("BAK*00*AD*ACME-PO-8801").doesNotContain("*RJ*");
        assertThat(outbox("acme", "TA1-").split("\\*R\\*025~", -1)).as("four duplicate notices").hasSize(5);
        assertThat(hub.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'ACME'")).isEqualTo(2);
        assertThat(inbound("ACME").path("state").asText()).isEqualTo("completed");
    }

    @Test
    void anInvalidEnvelopeQualifierIsAnsweredWithATa1AndTheFileRefusedNotFailed() throws Exception {
        hub = RunningHub.start();
        Path inbox = Files.createDirectories(hub.folder("inbox"));
        Files.writeString(inbox.resolve("xx.edi.part"), Samples.text("x12/850-004010.edi").replace("*ZZ*ACMERETAIL", "*XX*ACMERETAIL"));
        Files.move(inbox.resolve("xx.edi.part"), inbox.resolve("xx.edi"), StandardCopyOption.ATOMIC_MOVE);

        assertThat(reason(hub.awaitSingle("error", "_xx.edi"))).contains("problem: edi-rejected");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox("acme", "TA1-").contains("TA1*000000101*261120*1015*R*005~"));
        assertThat(outbox("acme", "TA1-")).startsWith("ISA*00*          *00*          *ZZ*BACKOFFICEHUB  *ZZ*ACMERETAIL     *");
        assertThat(outboxNames("acme")).containsExactly("TA1-ACME-000000001.edi");
        JsonNode in = inbound("ACME");
        assertThat(in.path("state").asText()).isEqualTo("rejected");
        assertThat(in.path("detail").asText()).contains("ISA (segment 1), element 5: invalid code value ('XX')");
    }

    @Test
    void aPartnersAcknowledgementOfNothingTheHubSentIsListedAsUnmatched() throws Exception {
        hub = RunningHub.start();
        hub.drop("x12/acknowledgements/997-from-acme.edi", "997.edi");
        hub.awaitSingle("done", "_997.edi");

        JsonNode in = inbound("ACME");
        assertThat(in.path("state").asText()).isEqualTo("unmatched");
        assertThat(in.path("detail").asText()).isEqualTo("997 3101 acknowledges group 1 (accepted), which the hub never sent");
    }

    /** The newest inbound interchange of the partner, as the admin API lists it. */
    private JsonNode inbound(String partner) {
        HttpResponse<String> listed = hub.admin("GET", "/admin/edi/interchanges?direction=in&partner=" + partner, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        return CanonicalJson.parse(listed.body()).get(0);
    }

    @Test
    void aDocumentTheHubSentIsNotReadBackAsAnOrder() throws Exception {
        hub = RunningHub.start(Map.of("hub.partners.unknown", "accept"));
        hub.drop("edifact/expected/orders-d96a-eancom.response.edi", "our-own-ordrsp.edi");

        Path quarantined = hub.awaitSingle("error", "_our-own-ordrsp.edi");
        assertThat(reason(quarantined)).contains("the sender 5790000000004 is this hub");
        assertThat(hub.folder("outbox")).doesNotExist();
    }

    private String outbox(String partnerFolder, String prefix) throws IOException {
        StringBuilder documents = new StringBuilder();
        for (Path file : hub.listing("outbox/" + partnerFolder)) {
            if (file.getFileName().toString().startsWith(prefix)) {
                documents.append(Files.readString(file));
            }
        }
        return documents.toString();
    }

    private String outboundAck(String partner, String documentType) {
        HttpResponse<String> listed = hub.admin("GET", "/admin/edi/interchanges?direction=out&partner=" + partner, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        for (JsonNode interchange : CanonicalJson.parse(listed.body())) {
            if (interchange.path("documentType").asText().equals(documentType)) {
                return interchange.path("ackStatus").asText();
            }
        }
        throw new AssertionError("no outbound " + documentType + " for " + partner + " in " + listed.body());
    }

    private static String reason(Path quarantined) throws IOException {
        return Files.readString(quarantined.resolveSibling(quarantined.getFileName() + ".reason.txt"));
    }
}
