package org.backofficehub.edi.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void whatPrecedesTheFirstInterchangeIsDroppedAndAFileWithoutOneIsHandedOverWhole() {
        String file = "\r\n  UNB+UNOC:3+A:ZZZ+B:ZZZ+261123:1200+1'UNZ+0+1'\n";

        assertThat(EdifactInterchanges.split(file.getBytes(StandardCharsets.UTF_8))).singleElement()
                .satisfies(part -> assertThat(new String(part, StandardCharsets.UTF_8)).isEqualTo("UNB+UNOC:3+A:ZZZ+B:ZZZ+261123:1200+1'UNZ+0+1'\n"));
        assertThat(EdifactInterchanges.split("no EDI here".getBytes(StandardCharsets.UTF_8))).singleElement()
                .satisfies(part -> assertThat(new String(part, StandardCharsets.UTF_8)).isEqualTo("no EDI here"));
    }

    @Test
    void aStreamIsCutOneInterchangeAtATimeAndClosedAtItsEnd() throws Exception {
        byte[] file = Samples.bytes("edifact/two-interchanges.edi");
        AtomicBoolean closed = new AtomicBoolean();
        AtomicInteger read = new AtomicInteger();
        InputStream in = new FilterInputStream(new ByteArrayInputStream(file)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, Math.min(len, 16));
                read.addAndGet(Math.max(n, 0));
                return n;
            }

            @Override
            public void close() throws IOException {
                closed.set(true);
                super.close();
            }
        };

        EdifactInterchanges.Cutter cutter = EdifactInterchanges.cut(in);
        byte[] first = cutter.next();

        assertThat(text(first)).contains("NW000000002").doesNotContain("NW000000003");
        assertThat(read.get()).as("bytes read for the first interchange").isLessThan(file.length);
        assertThat(text(cutter.next())).contains("UNZ+1+NW000000003'");
        assertThat(cutter.hasNext()).isFalse();
        assertThat(closed).isTrue();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).trim();
    }
}
