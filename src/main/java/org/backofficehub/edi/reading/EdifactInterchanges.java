package org.backofficehub.edi.reading;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Cuts a file of EDIFACT interchanges into one byte range per interchange: each starts at a UNA,
 * or at a UNB not preceded by its UNA. Delimiters come from each UNA (else the UNOC defaults), and
 * a released terminator (?') does not end a segment. Bytes before the first interchange are
 * dropped; a file without one is handed over whole. EDIFACT's delimiters are ASCII, so this works
 * on the bytes of every encoding the hub reads (ISO 8859, UTF-8).
 */
final class EdifactInterchanges {

    private EdifactInterchanges() {
    }

    static List<byte[]> split(byte[] file) {
        List<byte[]> interchanges = new ArrayList<>();
        try (Cutter cutter = cut(new ByteArrayInputStream(file))) {
            cutter.forEachRemaining(interchanges::add);
        }
        return interchanges;
    }

    /** The interchanges of a stream, read as they are asked for: only the one being cut is held. Closes the stream at its end. */
    static Cutter cut(InputStream in) {
        return new Cutter(in);
    }

    /** One interchange at a time; closing it closes the stream. */
    static final class Cutter implements Iterator<byte[]>, Closeable {
        private final PushbackInputStream in;
        private final byte[] head = new byte[3];
        /** The interchange being cut or, before the first one starts, what precedes it. */
        private ByteArrayOutputStream current = new ByteArrayOutputStream(1 << 12);
        private boolean started;
        private boolean atEnd;
        private byte[] next;
        private int terminator = '\'';
        private int release = '?';
        private boolean afterUna;

        private Cutter(InputStream in) {
            this.in = new PushbackInputStream(in.markSupported() ? in : new BufferedInputStream(in, 1 << 16), head.length);
        }

        @Override
        public boolean hasNext() {
            if (next == null && !atEnd) {
                try {
                    next = cutNext();
                } catch (IOException e) {
                    close();
                    throw new UncheckedIOException(e);
                }
                if (atEnd) {
                    close();
                }
            }
            return next != null;
        }

        @Override
        public byte[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            byte[] interchange = next;
            next = null;
            return interchange;
        }

        @Override
        public void close() {
            atEnd = true;
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Segment by segment until the next interchange starts, completing the one before it, or the stream ends. */
        private byte[] cutNext() throws IOException {
            while (true) {
                copyWhitespace();
                int peeked = in.readNBytes(head, 0, head.length);
                if (peeked == 0) {
                    atEnd = true;
                    // The last interchange, or the whole stream when none started in it.
                    return current.toByteArray();
                }
                in.unread(head, 0, peeked);
                boolean una = peeked == 3 && head[0] == 'U' && head[1] == 'N' && head[2] == 'A';
                boolean unb = peeked == 3 && head[0] == 'U' && head[1] == 'N' && head[2] == 'B';
                byte[] finished = null;
                if (una || unb && !afterUna) {
                    finished = started ? current.toByteArray() : null;
                    current = new ByteArrayOutputStream(Math.max(1 << 12, current.size()));
                    started = true;
                }
                afterUna = una;
                if (una) {
                    copyUna();
                } else {
                    copySegment();
                }
                if (finished != null) {
                    return finished;
                }
            }
        }

        /** UNA and its six service characters: the release character is the fourth of them, the terminator the sixth. */
        private void copyUna() throws IOException {
            byte[] una = in.readNBytes(9);
            current.write(una, 0, una.length);
            if (una.length == 9) {
                release = una[6] & 0xff;
                terminator = una[8] & 0xff;
            }
        }

        /** A segment through its terminator; a released character is data. */
        private void copySegment() throws IOException {
            int c;
            while ((c = in.read()) >= 0) {
                current.write(c);
                if (c == release) {
                    int released = in.read();
                    if (released < 0) {
                        return;
                    }
                    current.write(released);
                } else if (c == terminator) {
                    return;
                }
            }
        }

        private void copyWhitespace() throws IOException {
            int c;
            while ((c = in.read()) == '\n' || c == '\r' || c == ' ' || c == '\t') {
                current.write(c);
            }
            if (c >= 0) {
                in.unread(c);
            }
        }
    }
}
