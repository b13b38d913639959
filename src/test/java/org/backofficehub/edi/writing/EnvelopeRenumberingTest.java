package org.backofficehub.edi.writing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.model.InputRejectedException;
import org.junit.jupiter.api.Test;

/** A resent document differs from the first only in its interchange (and X12 group) numbers. */
class EnvelopeRenumberingTest {

    @Test
    void edifactTakesTheNewNumberInUnbAndUnzAndKeepsEverythingElseByteForByte() {
        String ordrsp = "UNA:+.? '\nUNB+UNOC:3+5790000000004:14+4012345000009:14+261203:1911+6++ORDRSP'\nUNH+1+ORDRSP:D:96A:UN'\n"
                + "FTX+AAI+++Gate 3?'s ramp?: ring?+go'\nUNT+3+1'\nUNH+2+ORDRSP:D:96A:UN'\nUNT+2+2'\nUNZ+2+6'\n";

        EnvelopeRenumbering.Renumbered renumbered = EnvelopeRenumbering.renumber(EdiStandard.EDIFACT, bytes(ordrsp), "41", null);

        assertThat(text(renumbered)).isEqualTo(ordrsp.replace("+6++ORDRSP'", "+41++ORDRSP'").replace("UNZ+2+6'", "UNZ+2+41'"));
        assertThat(renumbered.messages()).isEqualTo(2);
    }

    @Test
    void edifactWithoutUnaUsesTheDefaultDelimiters() {
        String contrl = "UNB+UNOC:3+5790000000004:14+4012345000009:14+261203:1911+2'UNH+1+CONTRL:D:3:UN'UCI+NW1+A+B+7'UNT+3+1'UNZ+1+2'";

        assertThat(text(EnvelopeRenumbering.renumber(EdiStandard.EDIFACT, bytes(contrl), "9", null)))
                .isEqualTo(contrl.replace(":1911+2'", ":1911+9'").replace("UNZ+1+2'", "UNZ+1+9'"));
    }

    @Test
    void x12TakesTheNewInterchangeAndGroupNumbersAndKeepsTheIsaFixedWidth() {
        String isa = "ISA*00*          *00*          *ZZ*BACKOFFICEHUB  *ZZ*ACMERETAIL     *261203*1911*U*00401*000000001*0*P*>~";
        String x855 = isa + "GS*PR*BACKOFFICEHUB*ACMERETAIL*20261203*1911*1*X*004010~ST*855*0001~BAK*00*AD*ACME-PO-8801*20261120~"
                + "SE*3*0001~GE*1*1~IEA*1*000000001~";

        EnvelopeRenumbering.Renumbered renumbered = EnvelopeRenumbering.renumber(EdiStandard.X12, bytes(x855), "000000007", "7");

        String again = text(renumbered);
        assertThat(again.indexOf('~')).isEqualTo(isa.length() - 1);
        assertThat(again).isEqualTo(x855.replace("*000000001*0*P*", "*000000007*0*P*").replace("*1911*1*X*", "*1911*7*X*")
                .replace("GE*1*1~", "GE*1*7~").replace("IEA*1*000000001~", "IEA*1*000000007~"));
        assertThat(renumbered.messages()).isEqualTo(1);
    }

    @Test
    void somethingThatIsNoX12InterchangeIsNotResent() {
        assertThatThrownBy(() -> EnvelopeRenumbering.renumber(EdiStandard.X12, bytes("ST*855*0001~"), "000000002", "2"))
                .isInstanceOf(InputRejectedException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(EnvelopeRenumbering.Renumbered renumbered) {
        return new String(renumbered.content(), StandardCharsets.ISO_8859_1);
    }
}
