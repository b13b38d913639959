package org.backofficehub.edi.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.Test;

/** Splitting a file into interchanges for the Smooks engine, which reads one per document. */
class EdifactInterchangesTest {

    @Test
    void eachInterchangeStartsAtItsUnaOrAtAUnbWithoutOne() {
        List<byte[]> parts = EdifactInterchanges.split(Samples.bytes("edifact/two-interchanges.edi"));

        assertThat(parts).hasSize(2);
        assertThat(text(parts.get(0))).startsWith("UNA:+.? '").contains("NW000000002").doesNotContain("NW000000003");
        assertThat(text(parts.get(1))).startsWith("UNA:+.? '").contains("UNZ+1+NW000000003'");
    }

    @Test
    void aReleasedTerminatorOrATagInsideDataDoesNotSplit() {
        String file = "UNB+UNOC:3+A:ZZZ+B:ZZZ+261123:1200+1'UNH+1+ORDERS:D:96A:UN'FTX+AAI+++it?'s UNB+here'UNT+3+1'UNZ+1+1'"
                + "UNB+UNOC:3+A:ZZZ+B:ZZZ+261123:1201+2'UNH+1+ORDERS:D:96A:UN'UNT+2+1'UNZ+1+2'";

        List<byte[]> parts = EdifactInterchanges.split(file.getBytes(StandardCharsets.UTF_8));

        assertThat(parts).hasSize(2);
        assertThat(text(parts.get(0))).endsWith("UNZ+1+1'");
        assertThat(text(parts.get(1))).startsWith("UNB+UNOC:3+A:ZZZ+B:ZZZ+261123:1201+2'");
    }

    @Test
    void delimitersComeFromTheUna() {
        String file = "UNA:*.? !UNB*UNOC:3*A:ZZZ*B:ZZZ*261123:1200*1!UNZ*0*1!\nUNA:*.? !UNB*UNOC:3*A:ZZZ*B:ZZZ*261123:1200*2!UNZ*0*2!";

        assertThat(EdifactInterchanges.split(file.getBytes(StandardCharsets.UTF_8))).hasSize(2);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).trim();
    }
}
