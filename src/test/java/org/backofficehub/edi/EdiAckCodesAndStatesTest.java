package org.backofficehub.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 9: the acknowledgement's code says why a message is refused (a transaction set the
 * hub does not take is AK5 1, not 5), and an interchange's state says what became of it: rejected
 * when nothing in it got through, unmatched when it acknowledges something the hub never sent.
 */
class EdiAckCodesAndStatesTest {

    @TempDir
    Path dir;

    @Test
    void aTransactionSetTheHubDoesNotTakeIsNotSupportedCode1() throws IOException {
        String withAChange = Samples.text("x12/850-004010.edi")
                .replace("GE*2*101~", "ST*860*0003~\nBCH*01*SA*ACME-PO-8801**20261120~\nSE*3*0003~\nGE*3*101~");
        try (EdiRoute route = new EdiRoute(dir, false)) {
            assertThat(route.receive(write("change.edi", withAChange))).isEqualTo("edi-rejected");

            assertThat(route.text("997")).contains("AK2*860*0003~\nAK5*R*1~\nAK9*P*3*3*2~");
            assertThat(route.inbound("ACME", "000000101")).satisfies(in -> {
                assertThat(in.state()).isEqualTo("partial");
                assertThat(in.detail()).isEqualTo("3 message(s): 1 rejected in the acknowledgement, 0 order(s) refused");
            });
        }
    }

    @Test
    void setsThePartnerHasNoAgreementForAreCode1AndAnInterchangeWithNoneAcceptedIsRejected() throws IOException {
        try (EdiRoute route = new EdiRoute(dir, false, Map.of("hub.partner.acme.documents.in", "875"))) {
            assertThat(route.receive(write("po.edi", Samples.text("x12/850-004010.edi")))).isEqualTo("edi-rejected");

            assertThat(route.text("997")).contains("AK2*850*0001~\nAK5*R*1~\nAK2*850*0002~\nAK5*R*1~\nAK9*R*2*2*0~");
            assertThat(route.inbound("ACME", "000000101").state()).as("0 accepted is not partial").isEqualTo("rejected");
        }
    }

    @Test
    void aContrlPointsAtTheMessageTypeTheHubDoesNotTakeOrThePartnerHasNoAgreementFor() throws IOException {
        String withAnInvoice = Samples.text("edifact/orders-d96a-eancom.edi")
                .replace("UNZ+2+NW000000001'", "UNH+3+INVOIC:D:96A:UN:EAN008'\nBGM+380+INV-1+9'\nUNT+3+3'\nUNZ+3+NW000000001'");
        try (EdiRoute route = new EdiRoute(dir, false, Map.of("hub.partner.bergmann.documents.in", "DELFOR"))) {
            assertThat(route.receive(write("invoice.edi", withAnInvoice))).isEqualTo("edi-rejected");
            assertThat(route.receive(write("orders.edi", Samples.text("edifact/orders-d01b.edi")))).isEqualTo("edi-rejected");

            assertThat(route.text("CONTRL"))
                    .contains("UCI+NW000000001+4012345000009:14+5790000000004:14+7'\nUCM+3+INVOIC:D:96A:UN:EAN008+4+14+UNH+2:1'")
                    .contains("UCM+M1+ORDERS:D:01B:UN+4+17+UNH+2:1'");
            assertThat(route.inbound("NORDWIND", "NW000000001").state()).isEqualTo("partial");
            assertThat(route.inbound("BERGMANN", "BG4401").state()).isEqualTo("rejected");
        }
    }

    @Test
    void anInterchangeWhoseOrdersAreAllRefusedGotNothingThroughAndIsRejected() throws IOException {
        String unknownItems = Samples.text("x12/850-004010.edi").replace("VP*SKU-", "VP*NO-SUCH-");
        try (EdiRoute route = new EdiRoute(dir, false)) {
            assertThat(route.receive(write("unknown-items.edi", unknownItems))).isEqualTo("edi-rejected");

            assertThat(route.text("997")).as("well-formed: accepted").contains("AK9*A*2*2*2~");
            assertThat(route.text("855")).contains("BAK*00*RJ*ACME-PO-8801").contains("BAK*00*RJ*ACME-PO-8802");
            assertThat(route.inbound("ACME", "000000101")).satisfies(in -> {
                assertThat(in.state()).isEqualTo("rejected");
                assertThat(in.detail()).isEqualTo("2 message(s): 0 rejected in the acknowledgement, 2 order(s) refused");
            });
        }
    }

    /** Syntax is the acknowledgement's; a price finer than the ERP holds is business, refused in the order response, its neighbour booked. */
    @Test
    void anOrderPricedFinerThanTheErpHoldsIsAnsweredNotAcceptedNamingItsLineAndTheOtherOrderIsBooked() throws IOException {
        String finer = Samples.text("x12/850-004010.edi").replace("PO1*2*24*EA*3.20**", "PO1*2*24*EA*3.205**");
        try (EdiRoute route = new EdiRoute(dir, false)) {
            assertThat(route.receive(write("finer.edi", finer))).as("error/, with each refusal in its reason").isEqualTo("edi-rejected");

            assertThat(route.text("997")).as("well-formed: accepted").contains("AK9*A*2*2*2~");
            assertThat(route.text("855")).contains("BAK*00*RJ*ACME-PO-8801").contains("3.205").contains("BAK*00*AD*ACME-PO-8802");
            assertThat(route.erpCount("SELECT COUNT(*) FROM ORDHDR")).isEqualTo(1);
            assertThat(route.inbound("ACME", "000000101").state()).isEqualTo("partial");
        }
    }

    @Test
    void aPartnersAcknowledgementOfSomethingTheHubNeverSentIsRecordedUnmatched() throws IOException {
        try (EdiRoute route = new EdiRoute(dir, false)) {
            assertThat(route.receive(Samples.path("x12/acknowledgements/997-from-acme.edi"))).as("read, nothing wrong with it").isNull();
            assertThat(route.receive(Samples.path("edifact/acknowledgements/contrl-from-nordwind.edi"))).isNull();

            assertThat(route.inbound("ACME", "000000310")).satisfies(in -> {
                assertThat(in.state()).isEqualTo("unmatched");
                assertThat(in.detail()).isEqualTo("997 3101 acknowledges group 1 (accepted), which the hub never sent");
            });
            assertThat(route.inbound("NORDWIND", "NW000000090")).satisfies(in -> {
                assertThat(in.state()).isEqualTo("unmatched");
                assertThat(in.detail()).isEqualTo("CONTRL 1 acknowledges interchange 1 (accepted), which the hub never sent");
            });

            // Once the hub has sent group 1 (the 855 answering an order), a 997 for it matches.
            assertThat(route.receive(Samples.path("x12/850-004010.edi"))).isNull();
            Path again = write("997-again.edi", Samples.text("x12/acknowledgements/997-from-acme.edi").replace("000000310", "000000311"));
            assertThat(route.receive(again)).isNull();

            assertThat(route.inbound("ACME", "000000311").state()).isEqualTo("completed");
            assertThat(route.registry.list("out", "ACME", 10)).filteredOn(out -> out.documentType().equals("855"))
                    .extracting(InterchangeRegistry.Interchange::ackStatus).containsExactly("accepted");
            // Sent again by the partner (a new file: the very file read again would be passed over as read).
            Path resent = write("997-resent.edi", Samples.text("x12/acknowledgements/997-from-acme.edi"));
            assertThat(route.receive(resent)).as("an unmatched one is done with").isEqualTo("duplicate-input");
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
