package org.backofficehub.edi;

import io.xlate.edi.stream.EDIStreamValidationError;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The outcome of one functional group (for EDIFACT without UNG: the interchange's messages).
 * Accepted messages are only counted; every rejected one is kept, because an acknowledgement lists
 * them all (whatever it does not list it accepts). The first {@value #KEPT_IN_MEMORY} are kept in
 * memory, the rest in a temporary file read back as the acknowledgement is written, so an
 * interchange of any size, even with every message refused, is acknowledged in bounded memory.
 * {@link #close()} removes the file.
 */
public final class GroupReport implements AutoCloseable {

    static final int KEPT_IN_MEMORY = 1000;

    private final FunctionalGroup group;
    private int received;
    private int accepted;
    private int rejectedCount;
    private final List<MessageVerdict> rejected = new ArrayList<>();
    private Spill spill;
    private int declared = -1;
    private final List<SyntaxError> trailerErrors = new ArrayList<>();

    public GroupReport(FunctionalGroup group) {
        this.group = group;
    }

    public void accepted() {
        received++;
        accepted++;
    }

    /** A message of an interchange refused as a whole: counted, not listed. */
    public void counted() {
        received++;
    }

    public void rejected(MessageVerdict verdict) {
        received++;
        rejectedCount++;
        if (rejected.size() < KEPT_IN_MEMORY) {
            rejected.add(verdict);
        } else {
            if (spill == null) {
                spill = new Spill();
            }
            spill.write(verdict);
        }
    }

    /** The group's trailer is wrong: none of its messages counts as accepted. */
    public void refuseAll() {
        accepted = 0;
    }

    public void ended(int declaredCount, List<SyntaxError> errors) {
        this.declared = declaredCount;
        this.trailerErrors.addAll(errors);
    }

    public FunctionalGroup group() {
        return group;
    }

    public int received() {
        return received;
    }

    public int acceptedCount() {
        return accepted;
    }

    /** How many messages were rejected one by one (each in {@link #rejectedMessages()}). */
    public int rejectedCount() {
        return rejectedCount;
    }

    /** Every message rejected one by one, in the order read; those beyond the first thousand read back from disk. */
    public Iterable<MessageVerdict> rejectedMessages() {
        return () -> spill == null ? rejected.iterator() : new Concatenated(rejected.iterator(), spill.read());
    }

    /** How many of them are held in memory: never more than {@value #KEPT_IN_MEMORY}. */
    int heldInMemory() {
        return rejected.size();
    }

    public int declared() {
        return declared;
    }

    public List<SyntaxError> trailerErrors() {
        return trailerErrors;
    }

    @Override
    public void close() {
        if (spill != null) {
            spill.delete();
            spill = null;
        }
    }

    /** Rejected messages beyond those kept in memory, in a temporary file, compactly. */
    private static final class Spill {
        private final Path file;
        private final DataOutputStream out;
        /** Readings not read to their end (an acknowledgement that failed half-way), closed with the file. */
        private final List<DataInputStream> readings = new ArrayList<>();

        Spill() {
            try {
                file = Files.createTempFile("hub-edi-rejected-", ".bin");
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot keep the rejected messages of a large interchange in a temporary file", e);
            }
        }

        void write(MessageVerdict verdict) {
            try {
                text(verdict.type());
                text(verdict.controlNumber());
                text(verdict.version());
                text(verdict.association());
                text(verdict.reason());
                out.writeByte(verdict.refusal().ordinal());
                out.writeInt(verdict.errors().size());
                for (SyntaxError error : verdict.errors()) {
                    out.writeShort(error.error().ordinal());
                    text(error.segmentTag());
                    out.writeInt(error.segmentPosition());
                    out.writeInt(error.elementPosition());
                    out.writeInt(error.componentPosition());
                    text(error.elementReference());
                    text(error.badData());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }

        private void text(String value) throws IOException {
            if (value == null) {
                out.writeInt(-1);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        Iterator<MessageVerdict> read() {
            try {
                out.flush();
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                readings.add(in);
                return new Reading(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }

        void delete() {
            try {
                out.close();
                for (DataInputStream in : readings) {
                    in.close();
                }
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove " + file, e);
            }
        }

        /** Reads the file once; closes it at its end. */
        private static final class Reading implements Iterator<MessageVerdict> {
            private static final EDIStreamValidationError[] ERRORS = EDIStreamValidationError.values();
            private static final MessageVerdict.Refusal[] REFUSALS = MessageVerdict.Refusal.values();
            private final DataInputStream in;
            private MessageVerdict next;
            private boolean ended;

            Reading(DataInputStream in) {
                this.in = in;
            }

            @Override
            public boolean hasNext() {
                if (next == null && !ended) {
                    next = readOne();
                }
                return next != null;
            }

            @Override
            public MessageVerdict next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                MessageVerdict verdict = next;
                next = null;
                return verdict;
            }

            private MessageVerdict readOne() {
                try {
                    String type;
                    try {
                        type = text();
                    } catch (EOFException end) {
                        ended = true;
                        in.close();
                        return null;
                    }
                    String control = text();
                    String version = text();
                    String association = text();
                    String reason = text();
                    MessageVerdict.Refusal refusal = REFUSALS[in.readByte()];
                    int count = in.readInt();
                    List<SyntaxError> errors = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        errors.add(new SyntaxError(ERRORS[in.readShort()], text(), in.readInt(), in.readInt(), in.readInt(), text(), text()));
                    }
                    return new MessageVerdict(type, control, version, association, errors, reason, refusal);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the rejected messages kept on disk", e);
                }
            }

            private String text() throws IOException {
                int length = in.readInt();
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length);
                if (bytes.length < length) {
                    throw new EOFException();
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
    }

    private record Concatenated(Iterator<MessageVerdict> first, Iterator<MessageVerdict> second) implements Iterator<MessageVerdict> {
        @Override
        public boolean hasNext() {
            return first.hasNext() || second.hasNext();
        }

        @Override
        public MessageVerdict next() {
            return first.hasNext() ? first.next() : second.next();
        }
    }
}
