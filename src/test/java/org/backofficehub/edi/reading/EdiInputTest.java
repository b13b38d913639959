package org.backofficehub.edi.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the readers get from a file's bytes: only the line-break terminator a line-minded tool dropped is added. */
class EdiInputTest {

    private static final String ISA = "ISA*00*          *00*          *ZZ*ACMERETAIL     *ZZ*BACKOFFICEHUB  *261203*1200*U*00401*000000001*0*P*>";

    @TempDir
    Path dir;

    @Test
    void aLineBreakTerminatedFileEndingWithoutOneGetsItsLastSegmentTerminated() throws IOException {
        String x12 = ISA + "\r\nGS*PO*A*B*20261203*1200*1*X*004010\r\nGE*0*1\r\nIEA*1*000000001";
        assertThat(read(x12)).isEqualTo(x12 + "\r");
        String edifact = "UNA:+.? \nUNB+UNOC:3+A:14+B:14+261203:1200+1\nUNZ+0+1";
        assertThat(read(edifact)).isEqualTo(edifact + "\n");
    }

    @Test
    void aTerminatedFileIsReadAsItIs() throws IOException {
        String lines = ISA + "\nGS*PO*A*B*20261203*1200*1*X*004010\nGE*0*1\nIEA*1*000000001\n";
        assertThat(read(lines)).isEqualTo(lines);
        String blankAfter = ISA + "\nIEA*1*000000001\n  \n";
        assertThat(read(blankAfter)).isEqualTo(blankAfter);
    }

    @Test
    void aFileWhoseTerminatorIsNoLineBreakIsNeverCompleted() throws IOException {
        // A missing tilde or apostrophe is a truncated file: the reader must say so, not be told otherwise.
        String tilde = ISA + "~GS*PO*A*B*20261203*1200*1*X*004010~GE*0*1~IEA*1*000000001";
        assertThat(read(tilde)).isEqualTo(tilde);
        String edifact = "UNB+UNOC:3+A:14+B:14+261203:1200+1'UNZ+0+1";
        assertThat(read(edifact)).isEqualTo(edifact);
    }

    private String read(String text) throws IOException {
        Path file = dir.resolve("in.edi");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        try (InputStream in = EdiInput.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
