package org.backofficehub.edi.writing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.backofficehub.edi.AckType;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.FunctionalGroup;
import org.backofficehub.edi.GroupReport;
import org.backofficehub.edi.InterchangeReport;
import org.backofficehub.edi.MessageVerdict;
import org.backofficehub.edi.partners.OrderPolicy;
import org.backofficehub.edi.partners.PartnerProfile;
import org.junit.jupiter.api.Test;

/**
 * A message refused because the hub does not take its type or version is acknowledged with the
 * standard's "not supported" code, not as "one or more segments in error" (X12 5) or "unspecified"
 * (EDIFACT 18): the partner must know that resending it corrected will not help.
 */
class NotSupportedAckTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 20, 10, 15, 0, 0, ZoneOffset.UTC);

    @Test
    void anX12TransactionSetNotSupportedIsAk5Code1AndASyntaxRefusalStaysCode5() {
        PartnerProfile acme = profile(EdiStandard.X12, "004010", AckType.X997);
        InterchangeReport report = new InterchangeReport(new Envelope(EdiStandard.X12, "ACMERETAIL", "ZZ", "BACKOFFICEHUB", "ZZ",
                "000000301", "X12", "00401", false, "261120", "1015"));
        GroupReport group = report.startGroup(new FunctionalGroup("PO", "ACMERETAIL", "BACKOFFICEHUB", "301", "004020"));
        group.rejected(new MessageVerdict("850", "0001", "004020", "004020", List.of(), "version 004020 of 850 is not supported",
                MessageVerdict.Refusal.VERSION_NOT_SUPPORTED));
        group.rejected(new MessageVerdict("850", "0002", "004010", "004010", List.of(), "refused by the translator"));
        group.ended(2, List.of());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SegmentWriter out = new SegmentWriter(bytes, EdiStandard.X12, "00401", StandardCharsets.UTF_8)) {
            X12AckWriter.writeFunctionalAcks(out, report, acme, AckType.X997, "000000001", 1, 1, NOW);
        }
        String ack = bytes.toString(StandardCharsets.UTF_8).replace("\n", "");
        assertThat(ack).contains("AK2*850*0001~AK5*R*1~").contains("AK2*850*0002~AK5*R*5~").contains("AK9*R*2*2*0");
    }

    @Test
    void anEdifactMessageVersionNotSupportedIsUcm14AtTheMessageVersion() {
        PartnerProfile nordwind = new PartnerProfile("NORDWIND", "Nordwind", EdiStandard.EDIFACT, "D96A", "4012345000009", "14",
                "BACKOFFICEHUB", "ZZZ", "", "", Set.of(), Set.of(), AckType.CONTRL, "nordwind", PartnerProfile.STAEDI, true, null, null,
                OrderPolicy.DEFAULT);
        InterchangeReport report = new InterchangeReport(new Envelope(EdiStandard.EDIFACT, "4012345000009", "14", "BACKOFFICEHUB",
                "ZZZ", "NW0816", "UNOC", "3", false, "261120", "1130"));
        GroupReport messages = report.implicitGroup();
        messages.rejected(new MessageVerdict("ORDERS", "M1", "D95B", "", List.of(), "version D95B of ORDERS is not supported",
                MessageVerdict.Refusal.VERSION_NOT_SUPPORTED));
        messages.ended(-1, List.of());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SegmentWriter out = new SegmentWriter(bytes, EdiStandard.EDIFACT, "3", StandardCharsets.ISO_8859_1)) {
            ContrlWriter.write(out, report, nordwind, "1", 1, NOW);
        }
        assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).contains("UCM+M1+ORDERS:D:95B:UN+4+14+UNH+2:2'");
    }

    private static PartnerProfile profile(EdiStandard standard, String version, AckType ack) {
        return new PartnerProfile("TEST", "Test partner", standard, version, "PARTNER", "ZZ", "BACKOFFICEHUB", "ZZ", "PARTNER",
                "BACKOFFICEHUB", Set.of(), Set.of(), ack, "test", PartnerProfile.STAEDI, true, null, null,
                OrderPolicy.DEFAULT);
    }
}
