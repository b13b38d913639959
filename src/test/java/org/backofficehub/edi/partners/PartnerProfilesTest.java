package org.backofficehub.edi.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.backofficehub.edi.AckType;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;

/** Partner profiles from config/partners, their per-key overrides and the unknown-sender policy. */
class PartnerProfilesTest {

    private static final Envelope FROM_ACME = new Envelope(EdiStandard.X12, "ACMERETAIL", "ZZ", "BACKOFFICEHUB", "ZZ", "000000101",
            "X12", "00401", false, "261123", "1015");
    private static final Envelope FROM_STRANGER = new Envelope(EdiStandard.EDIFACT, "STRANGER", "ZZZ", "BACKOFFICEHUB", "ZZZ", "S1",
            "UNOC", "3", false, "261123", "1015");

    @Test
    void theDemoProfilesMatchTheirSendersAndTakeOverrides() {
        Map<String, String> overrides = Map.of("hub.partner.acme.ack", "none", "hub.partner.acme.outbox", "acme-sftp");
        PartnerProfiles profiles = PartnerProfiles.load(Path.of("config/partners"), false, "BACKOFFICEHUB", overrides::get);

        PartnerProfile acme = profiles.forSender(FROM_ACME, null).orElseThrow();
        assertThat(acme.partnerId()).isEqualTo("ACME");
        assertThat(acme.ack()).isEqualTo(AckType.NONE);
        assertThat(acme.outbox()).isEqualTo("acme-sftp");
        assertThat(acme.documentsOut()).contains("855", "810", "856");
        assertThat(profiles.all()).extracting(PartnerProfile::partnerId).containsExactlyInAnyOrder("ACME", "BERGMANN", "GLOBEX", "NORDWIND");
        assertThat(profiles.forSender(FROM_STRANGER, null)).as("unknown senders rejected").isEmpty();
    }

    @Test
    void anUnknownSenderGetsAStandInWhenAcceptedButTheHubsOwnIdNever() {
        PartnerProfiles profiles = PartnerProfiles.load(Path.of("config/partners"), true, "BACKOFFICEHUB", key -> null);

        PartnerProfile standIn = profiles.forSender(FROM_STRANGER, null).orElseThrow();
        assertThat(standIn.configured()).isFalse();
        assertThat(standIn.partnerId()).as("its orders' source, apart from every configured partner's and channel's")
                .isEqualTo("UN:ZZZ:STRANGER");
        assertThat(standIn.ack()).isEqualTo(AckType.CONTRL);
        assertThat(standIn.outbox()).isEqualTo("unknown-UN_ZZZ_STRANGER");
        Envelope fromUs = new Envelope(EdiStandard.EDIFACT, "5790000000004", "14", "4012345000009", "14", "9", "UNOC", "3", false,
                "261123", "1015");
        assertThat(profiles.forSender(fromUs, null)).isEmpty();
    }

    @Test
    void anEncodingDecidesHowAPartnersFilesAreReadAndX12IsWritten() {
        Map<String, String> overrides = Map.of("hub.partner.acme.encoding", "ISO-8859-1", "hub.partner.nordwind.encoding", "UTF-8");
        PartnerProfiles profiles = PartnerProfiles.load(Path.of("config/partners"), false, "BACKOFFICEHUB", overrides::get);

        PartnerProfile acme = profiles.byId("ACME").orElseThrow();
        assertThat(acme.decoding(FROM_ACME)).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(acme.writing()).isEqualTo(StandardCharsets.ISO_8859_1);
        PartnerProfile nordwind = profiles.byId("NORDWIND").orElseThrow();
        assertThat(nordwind.decoding(FROM_STRANGER)).as("a partner whose UNB says UNOC but who sends UTF-8").isEqualTo(StandardCharsets.UTF_8);
        assertThat(nordwind.writing()).as("what the hub sends says UNOC").isEqualTo(StandardCharsets.ISO_8859_1);
        PartnerProfile globex = profiles.byId("GLOBEX").orElseThrow();
        assertThat(globex.decoding(FROM_ACME)).as("X12 without an encoding").isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void anEncodingTheJvmDoesNotKnowStopsTheHubWithTheProfilesName() {
        assertThatThrownBy(() -> PartnerProfiles.load(Path.of("config/partners"), false, "BACKOFFICEHUB",
                key -> key.equals("hub.partner.acme.encoding") ? "latin-one" : null))
                .hasMessageContaining("acme.properties").hasMessageContaining("'encoding' is latin-one");
    }

    @Test
    void aProfileWithoutARequiredKeySaysWhichAndWhere(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("broken.properties"), "partner = BROKEN\nstandard = X12\nversion = 004010\n");

        assertThatThrownBy(() -> PartnerProfiles.load(folder, false, "BACKOFFICEHUB", key -> null))
                .hasMessageContaining("broken.properties").hasMessageContaining("'interchange.id'");
    }

    /** Issue 21: secure by default. Orders from anyone who can put a file in the inbox are an explicit choice. */
    @Test
    void unknownSendersAreRejectedUnlessTheSettingSaysAccept() throws IOException {
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("config/application.properties"), StandardCharsets.UTF_8)) {
            settings.load(reader);
        }
        assertThat(settings.getProperty("hub.partners.unknown").trim()).isEqualTo("reject");
        assertThat(PartnerProfiles.acceptsUnknown(" Reject ")).isFalse();
        assertThat(PartnerProfiles.acceptsUnknown("accept")).isTrue();
        assertThatThrownBy(() -> PartnerProfiles.acceptsUnknown("ignore")).hasMessageContaining("accept or reject, not 'ignore'");

        PartnerProfiles rejecting = PartnerProfiles.load(Path.of("config/partners"), false, "BACKOFFICEHUB", key -> null);
        assertThat(rejecting.unknownSender(FROM_STRANGER)).startsWith("no partner profile for sender STRANGER (qualifier ZZZ)")
                .contains("(interchange.id = STRANGER, interchange.qualifier = ZZZ) on the console's Partners page, taken at once,"
                        + " or as a file in config/partners/, read at the next start; then replay this failure")
                .contains("hub.partners.unknown = accept");
    }

    /**
     * The README's demo drops the samples into the inbox and sees them booked and acknowledged: every
     * interchange in edi-samples/ comes from a demo partner, but for the unknown-partner samples, whose
     * sender is unknown on purpose. A sample from a new sender needs its demo profile in config/partners.
     */
    @Test
    void everySampleInterchangeButTheUnknownPartnersIsFromADemoPartner() throws IOException {
        PartnerProfiles profiles = PartnerProfiles.load(Path.of("config/partners"), false, "BACKOFFICEHUB", key -> null);
        // UNB's sender and qualifier after the syntax identifier (any separator: wrong-delimiters.edi has '*'),
        // ISA05/ISA06 by ISA's fixed widths.
        Pattern unb = Pattern.compile("UNB(.)UNO[A-Z]:\\d\\1([^:+*']+):?([^:+*']*)");
        Pattern isa = Pattern.compile("ISA\\*.{2}\\*.{10}\\*.{2}\\*.{10}\\*(.{2})\\*(.{15})\\*");
        List<String> unknown = new ArrayList<>();
        int interchanges = 0;
        try (Stream<Path> files = Files.walk(Path.of("edi-samples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".edi") && !f.toString().contains("/expected/")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                List<Envelope> senders = new ArrayList<>();
                for (Matcher m = unb.matcher(text); m.find(); ) {
                    senders.add(new Envelope(EdiStandard.EDIFACT, m.group(2), m.group(3), "", "", "", "UNOC", "3", false, "", ""));
                }
                for (Matcher m = isa.matcher(text); m.find(); ) {
                    senders.add(new Envelope(EdiStandard.X12, m.group(2).trim(), m.group(1), "", "", "", "X12", "00401", false, "", ""));
                }
                assertThat(senders).as(file + ": its interchange headers").isNotEmpty();
                interchanges += senders.size();
                boolean meantUnknown = file.getFileName().toString().equals("unknown-partner.edi");
                for (Envelope sender : senders) {
                    if (profiles.forSender(sender, null).isPresent() == meantUnknown) {
                        unknown.add(file + " " + sender.senderId() + ":" + sender.senderQualifier());
                    }
                }
            }
        }
        assertThat(interchanges).isGreaterThan(25);
        assertThat(unknown).as("samples whose sender is not what they are meant for (a demo partner, or no one)").isEmpty();
    }
}
