package org.backofficehub.edi.reading;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An EDI file's bytes as the readers need them, whatever came before the first segment: a UTF-8
 * byte order mark and blank lines are skipped (Windows tools write both), and a file in EBCDIC
 * (mainframe partners: "ISA" and "UNB" in code page 037) is read through a byte-for-byte
 * translation to ISO 8859-1, the same 256 characters in another order. Where the segment
 * terminator is a line break, a file that ends without one is read as if it were there: tools
 * that treat a file as lines (editors, {@code git}, line-by-line exports) drop or never write
 * the last line's end, and the last segment (IEA, UNZ) is complete without it. Anything else is
 * passed on unchanged.
 */
public final class EdiInput {

    /** Code page 037 covers exactly ISO 8859-1's repertoire, so each EBCDIC byte has one Latin-1 byte. */
    private static final byte[] EBCDIC_TO_LATIN1 = latin1Table();
    private static final int BUFFER = 1 << 16;
    private static final int X12_TERMINATOR_OFFSET = 105;
    private static final int UNA_TERMINATOR_OFFSET = 8;

    private EdiInput() {
    }

    /** Whether the file is in EBCDIC: its bytes are then read as ISO 8859-1 once {@link #open opened}. */
    public static boolean ebcdic(Path file) throws IOException {
        try (BufferedInputStream in = positioned(file)) {
            return isEbcdicTag(in.readNBytes(3));
        }
    }

    /** The file, positioned at its first segment tag, in ASCII-compatible bytes. */
    public static BufferedInputStream open(Path file) throws IOException {
        BufferedInputStream in = positioned(file);
        in.mark(3);
        byte[] tag = in.readNBytes(3);
        in.reset();
        BufferedInputStream ascii = isEbcdicTag(tag) ? new BufferedInputStream(new Translated(in), BUFFER) : in;
        int terminator = segmentTerminator(ascii);
        return terminator == '\r' || terminator == '\n' ? new BufferedInputStream(new TerminatedAtEnd(ascii, terminator), BUFFER) : ascii;
    }

    /**
     * The segment terminator the header declares: the character after ISA16 (ISA is fixed
     * length), or UNA's sixth service character; -1 when the header does not say (UNB without UNA
     * uses the apostrophe).
     */
    static int segmentTerminator(BufferedInputStream in) throws IOException {
        in.mark(X12_TERMINATOR_OFFSET + 1);
        byte[] head = in.readNBytes(X12_TERMINATOR_OFFSET + 1);
        in.reset();
        if (head.length > X12_TERMINATOR_OFFSET && head[0] == 'I' && head[1] == 'S' && head[2] == 'A') {
            return head[X12_TERMINATOR_OFFSET] & 0xFF;
        }
        if (head.length > UNA_TERMINATOR_OFFSET && head[0] == 'U' && head[1] == 'N' && head[2] == 'A') {
            return head[UNA_TERMINATOR_OFFSET] & 0xFF;
        }
        return -1;
    }

    private static BufferedInputStream positioned(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
                in.reset();
            }
            skipBlank(in);
            return in;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Whether these bytes are "ISA", "UNA" or "UNB" written in EBCDIC. */
    static boolean isEbcdicTag(byte[] tag) {
        if (tag.length < 3) {
            return false;
        }
        int a = tag[0] & 0xFF;
        int b = tag[1] & 0xFF;
        int c = tag[2] & 0xFF;
        return a == 0xC9 && b == 0xE2 && c == 0xC1            // ISA
                || a == 0xE4 && b == 0xD5 && (c == 0xC1 || c == 0xC2); // UNA, UNB
    }

    private static void skipBlank(BufferedInputStream in) throws IOException {
        while (true) {
            in.mark(1);
            int b = in.read();
            if (b != ' ' && b != '\r' && b != '\n' && b != '\t') {
                in.reset();
                return;
            }
        }
    }

    private static byte[] latin1Table() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String decoded = Charset.forName("IBM037").decode(ByteBuffer.wrap(all)).toString();
        byte[] table = new byte[256];
        for (int i = 0; i < 256; i++) {
            char c = decoded.charAt(i);
            if (c > 0xFF) {
                throw new UncheckedIOException(new IOException("IBM037 byte " + i + " is beyond ISO 8859-1"));
            }
            table[i] = (byte) c;
        }
        return table;
    }

    private static final class Translated extends FilterInputStream {
        Translated(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            return b < 0 ? b : EBCDIC_TO_LATIN1[b] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + Math.max(n, 0); i++) {
                buffer[i] = EBCDIC_TO_LATIN1[buffer[i] & 0xFF];
            }
            return n;
        }
    }

    /** Gives the stream's last segment its line-break terminator if the file ended without one. */
    private static final class TerminatedAtEnd extends FilterInputStream {
        private final int terminator;
        private int last = -1;
        private boolean ended;

        TerminatedAtEnd(InputStream in, int terminator) {
            super(in);
            this.terminator = terminator;
        }

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            int b = super.read();
            if (b < 0) {
                return endOfFile();
            }
            last = b;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                int b = endOfFile();
                if (b < 0) {
                    return -1;
                }
                buffer[offset] = (byte) b;
                return 1;
            }
            if (n > 0) {
                last = buffer[offset + n - 1] & 0xFF;
            }
            return n;
        }

        private int endOfFile() {
            ended = true;
            boolean unterminated = last >= 0 && last != '\r' && last != '\n' && last != ' ' && last != '\t';
            return unterminated ? terminator : -1;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
