package org.backofficehub.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 19, item 8: invalid values in an inbound envelope are answered, never echoed. Each
 * interchange whose ISA/UNB the standard does not allow gets its TA1 or CONTRL (naming the element
 * at fault) under the hub's own, valid envelope; nothing goes to processing-failed, nothing is left
 * 'receiving', and a document that cannot be sent takes no control numbers. The real route, the
 * real writers and the hub store on H2.
 */
class EdiEnvelopeAcknowledgementTest {

    private static final String OUR_X12_ENVELOPE = "ISA*00*          *00*          *ZZ*BACKOFFICEHUB  *ZZ*ACMERETAIL     *261123*1030*U*00401*";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "*ZZ*ACMERETAIL     *|*XX*ACMERETAIL     *|TA1*000000101*261120*1015*R*005~",
            "*ZZ*BACKOFFICEHUB  *|*WX*BACKOFFICEHUB  *|TA1*000000101*261120*1015*R*007~",
            "*000000101*0*P*|*00000A101*0*P*|TA1*000000000*261120*1015*R*018~",
            "*261120*1015*U*|*261399*1015*U*|TA1*000000101*261123*1015*R*014~",
            "*261120*1015*U*|*261120*2575*U*|TA1*000000101*261120*1030*R*015~"})
    void anInvalidIsaValueIsAnsweredByATa1UnderTheProfilesEnvelope(String valid, String invalid, String ta1) throws IOException {
        // hub.partners.unknown = reject: the ISA05 XX interchange is still ACME's (by its id), not a stranger's.
        try (EdiRoute route = new EdiRoute(dir, false)) {
            Path file = write("bad-isa.edi", Samples.text("x12/850-004010.edi").replace(valid, invalid));

            assertThat(route.receive(file)).as("refused for its envelope, not failed").isEqualTo("edi-rejected");

            assertThat(route.text("TA1")).startsWith(OUR_X12_ENVELOPE).contains(ta1);
            assertThat(route.documents("997", "855")).isEmpty();
            assertThat(route.erpCount("SELECT COUNT(*) FROM ORDHDR")).isZero();
            String controlNumber = invalid.startsWith("*00000A101") ? "00000A101" : "000000101";
            assertThat(route.inbound("ACME", controlNumber)).satisfies(in -> {
                assertThat(in.state()).isEqualTo("rejected");
                assertThat(in.detail()).startsWith("ISA (segment 1), element ");
            });
            assertThat(route.lastControlNumber("ACME", "INTERCHANGE")).as("one interchange sent, one number").isEqualTo(1);
            assertThat(route.lastControlNumber("ACME", "GROUP") + route.lastControlNumber("ACME", "MESSAGE")).isZero();
        }
    }

    @Test
    void anUnknownSenderWithInvalidQualifiersIsAnsweredUnderValidOnes() throws IOException {
        try (EdiRoute route = new EdiRoute(dir, true)) {
            Path file = write("stranger.edi", Samples.text("x12/invalid/unknown-partner.edi")
                    .replace("*ZZ*STRANGERCO     *ZZ*BACKOFFICEHUB  *", "*XX*STRANGERCO     *WX*BACKOFFICEHUB  *"));

            assertThat(route.receive(file)).isEqualTo("edi-rejected");

            assertThat(route.documents("TA1")).singleElement().satisfies(ta1 ->
                    assertThat(ta1.getParent().getFileName().toString()).isEqualTo("unknown-X12_XX_STRANGERCO"));
            // ISA05/ISA07 mutually defined (ZZ), not the XX and WX received; the TA1 names the first element at fault.
            assertThat(route.text("TA1"))
                    .startsWith("ISA*00*          *00*          *ZZ*BACKOFFICEHUB  *ZZ*STRANGERCO     *261123*1030*U*00401*000000001*0*P*>~")
                    .contains("TA1*000000207*261120*1015*R*005~");
            assertThat(route.inbound("X12:XX:STRANGERCO", "000000207").state()).isEqualTo("rejected");
        }
    }

    @Test
    void anInvalidUnbQualifierIsLeftOutOfTheContrlAndOurEnvelopeIsTheProfiles() throws IOException {
        try (EdiRoute route = new EdiRoute(dir, true)) {
            Path known = write("bergmann.edi", Samples.text("edifact/orders-d01b.edi").replace("BERGMANN:ZZZ", "BERGMANN:WX"));
            Path unknown = write("stranger.edi", Samples.text("edifact/invalid/unknown-partner.edi")
                    .replace("STRANGER:ZZZ+BACKOFFICEHUB:ZZZ", "STRANGER:WX+BACKOFFICEHUB:QQ"));

            assertThat(route.receive(known)).isEqualTo("edi-rejected");
            assertThat(route.receive(unknown)).isEqualTo("edi-rejected");

            assertThat(route.text("CONTRL"))
                    .contains("UNB+UNOC:3+BACKOFFICEHUB:ZZZ+BERGMANN:ZZZ+261123:1030+1++CONTRL'")
                    .contains("UCI+BG4401+BERGMANN+BACKOFFICEHUB:ZZZ+4+12+UNB+2:2'")
                    // The stranger's stand-in: both qualifiers invalid, so both left out (they are optional in UNB).
                    .contains("UNB+UNOC:3+BACKOFFICEHUB+STRANGER+261123:1030+1++CONTRL'")
                    .contains("UCI+ST0001+STRANGER+BACKOFFICEHUB+4+12+UNB+2:2'");
            assertThat(route.inbound("BERGMANN", "BG4401").state()).isEqualTo("rejected");
            assertThat(route.erpCount("SELECT COUNT(*) FROM ORDHDR")).isZero();
        }
    }

    @Test
    void dataHoldingTheHubsX12DelimitersIsStillAnswered() throws IOException {
        // A partner whose element separator is '|' may use '*' in its data; X12 cannot escape it in ours.
        String sample = Samples.text("x12/850-004010.edi").replace('*', '|').replace("ACME-PO-8801", "ACME*PO-8801");
        try (EdiRoute route = new EdiRoute(dir, false)) {
            assertThat(route.receive(write("pipes.edi", sample))).isNull();

            assertThat(route.text("855")).contains("BAK*00*AD*ACME PO-8801*20261120");
            assertThat(route.text("997")).contains("AK9*A*2*2*2~");
            assertThat(route.erpCount("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'ACME*PO-8801'")).isEqualTo(1);
        }
    }

    @Test
    void anOutboxThatCannotTakeADocumentBurnsNoControlNumbersAndTheInterchangeSaysFailed() throws IOException {
        try (EdiRoute route = new EdiRoute(dir, false)) {
            Files.createDirectories(route.outbox);
            Path blocker = Files.writeString(route.outbox.resolve("acme"), "not a folder");
            Path file = write("po.edi", Samples.text("x12/850-004010.edi"));

            assertThat(route.receive(file)).startsWith("processing-failed");
            assertThat(route.inbound("ACME", "000000101")).satisfies(in -> {
                assertThat(in.state()).as("not left 'receiving'").isEqualTo("failed");
                assertThat(in.detail()).contains("po.edi");
            });
            for (String kind : new String[] {"INTERCHANGE", "GROUP", "MESSAGE"}) {
                assertThat(route.lastControlNumber("ACME", kind)).as(kind + " numbers handed back").isZero();
            }

            Files.delete(blocker);
            assertThat(route.receive(file)).as("read again once the outbox is back").isNull();

            // The numbers the failed attempt had taken go to the documents actually sent.
            assertThat(route.documents("855", "997")).extracting(p -> p.getFileName().toString())
                    .containsExactly("855-ACME-000000001.edi", "997-ACME-000000002.edi");
            assertThat(route.inbound("ACME", "000000101").state()).isEqualTo("completed");
            assertThat(route.erpCount("SELECT COUNT(*) FROM ORDHDR")).as("booked once").isEqualTo(2);
        }
    }

    @Test
    void anAcknowledgementTheWriterRefusesIsADefectRecordedAsFailedWithItsNumbersHandedBack() throws IOException {
        // A profile that bypasses the checks at start (no loader would accept ISA05 XX): the writer refuses the 997.
        PartnerProfile acme = PartnerProfiles.load(Path.of("config/partners"), false, "BACKOFFICEHUB",
                key -> key.equals("hub.partner.acme.documents.out") ? "810" : null).byId("ACME").orElseThrow();
        PartnerProfile broken = new PartnerProfile(acme.partnerId(), acme.name(), acme.standard(), acme.version(), acme.interchangeId(),
                acme.interchangeQualifier(), acme.ourId(), "XX", acme.groupId(), acme.ourGroupId(), acme.documentsIn(),
                acme.documentsOut(), acme.ack(), acme.outbox(), acme.engine(), true, null, null, acme.orders());
        try (EdiRoute route = new EdiRoute(dir, new PartnerProfiles(java.util.List.of(broken), false, "BACKOFFICEHUB"))) {
            String problem = route.receive(write("po.edi", Samples.text("x12/850-004010.edi")));

            assertThat(problem).startsWith("processing-failed").contains("EdiWriteException")
                    .contains("acknowledgement(s) of this file could not be written");
            assertThat(route.inbound("ACME", "000000101")).satisfies(in -> {
                assertThat(in.state()).isEqualTo("failed");
                assertThat(in.detail()).startsWith("its acknowledgement could not be written").contains("ISA");
            });
            assertThat(route.documents("997", "TA1")).isEmpty();
            assertThat(route.erpCount("SELECT COUNT(*) FROM ORDHDR")).as("its orders are booked all the same").isEqualTo(2);
            assertThat(route.lastControlNumber("ACME", "INTERCHANGE")).isZero();
        }
    }

    /** Item 13: a stand-in's orders have a source of their own, never the web store's, never a configured partner's. */
    @Test
    void anUnknownSendersOrdersNeverShareAnotherSourcesOrderNumbers() throws IOException {
        try (EdiRoute route = new EdiRoute(dir, true)) {
            Path webstore = write("webstore.edi", Samples.text("x12/850-004010.edi").replace("*ZZ*ACMERETAIL     *", "*ZZ*WEBSTORE       *"));
            Path bergmann = write("bergmann.edi", Samples.text("edifact/orders-d01b.edi").replace("BERGMANN:ZZZ", "BERGMANN:14"));

            assertThat(route.receive(webstore)).isNull();
            assertThat(route.receive(bergmann)).isNull();

            assertThat(route.erpCount("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'X12:ZZ:WEBSTORE'")).isEqualTo(2);
            assertThat(route.erpCount("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC = 'UN:14:BERGMANN'")).isEqualTo(1);
            assertThat(route.erpCount("SELECT COUNT(*) FROM ORDHDR WHERE OHSRC IN ('WEBSTORE', 'BERGMANN')")).isZero();
            assertThat(route.text("997")).startsWith("ISA*00*          *00*          *ZZ*BACKOFFICEHUB  *ZZ*WEBSTORE       *");
        }
    }

    @Test
    void aStandInIdIsAtMost35CharactersAndStillOneSendersOwn() {
        String longId = "A".repeat(34);
        String a = PartnerProfiles.standInId(new Envelope(EdiStandard.EDIFACT, longId + "1", "ZZZ", "HUB", "", "1", "UNOC", "3", false,
                "261123", "1015"));
        String b = PartnerProfiles.standInId(new Envelope(EdiStandard.EDIFACT, longId + "2", "ZZZ", "HUB", "", "1", "UNOC", "3", false,
                "261123", "1015"));

        assertThat(a).hasSize(35).startsWith("UN:ZZZ:AAAA").isNotEqualTo(b);
        assertThat(PartnerProfiles.standInId(new Envelope(EdiStandard.X12, "WEBSTORE", "ZZ", "HUB", "ZZ", "1", "X12", "00401", false,
                "261123", "1015"))).isEqualTo("X12:ZZ:WEBSTORE");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "partner|WEBSTORE|'partner' is 'WEBSTORE'",
            "partner|X12:ZZ:ACME|no ':'",
            "interchange.qualifier|XX|'interchange.qualifier' is 'XX', which is no ISA05/ISA07",
            "our.qualifier||'our.qualifier' is ''",
            "interchange.id|ACMERETAIL*EAST|'interchange.id' is 'ACMERETAIL*EAST'",
            "our.group.id|B|'our.group.id' is 'B'"})
    void aProfileTheHubCouldNotWriteAnEnvelopeForStopsItAtStart(String key, String value, String message) {
        Map<String, String> override = Map.of("hub.partner.acme." + key, value == null ? "" : value);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PartnerProfiles.load(Path.of("config/partners"), false,
                        "BACKOFFICEHUB", override::get))
                .hasMessageContaining("acme.properties").hasMessageContaining(message);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
