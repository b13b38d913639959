package org.backofficehub.edi.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
}
