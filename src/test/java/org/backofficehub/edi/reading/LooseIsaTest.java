package org.backofficehub.edi.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.xlate.edi.stream.EDIStreamValidationError;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.backofficehub.edi.SyntaxError;
import org.junit.jupiter.api.Test;

/** An ISA off its fixed columns, read by its separators: who sent it, and which element is at fault. */
class LooseIsaTest {

    @Test
    void aSenderIdShortOfItsFifteenCharactersIsNamedAndTheSenderKnown() {
        LooseIsa.Header header = read("ISA*00*          *00*          *01*BUYERID      *01*SELLERID       *230101*1300*U*00401*000000002*0*T*>~GS*PO~");

        assertThat(header.envelope().senderId()).isEqualTo("BUYERID");
        assertThat(header.envelope().senderQualifier()).isEqualTo("01");
        assertThat(header.envelope().controlNumber()).isEqualTo("000000002");
        assertThat(header.envelope().test()).isTrue();
        assertThat(header.faults()).extracting(SyntaxError::elementPosition, SyntaxError::error)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6, EDIStreamValidationError.DATA_ELEMENT_TOO_SHORT));
    }

    @Test
    void aSpaceAsSegmentTerminatorIsTheTerminatorsFault() {
        LooseIsa.Header header = read("ISA*00*          *00*          *ZZ*PARTNER        *ZZ*US             *060521*0300*U*00401*638504569*0*P*> GS*PO");

        assertThat(header.faults()).extracting(SyntaxError::elementPosition).containsExactly(17);
    }

    @Test
    void whatIsNoIsaIsNotReadAsOne() {
        assertThat(read("UNB+UNOC:3+A:14+B:14+261203:1200+1'")).isNull();
        assertThat(read("ISA*00*too short")).isNull();
    }

    private static LooseIsa.Header read(String text) {
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        LooseIsa.Header header = LooseIsa.read(in);
        assertThat(in.markSupported()).isTrue();
        return header;
    }
}
