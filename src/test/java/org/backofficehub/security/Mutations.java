package org.backofficehub.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A small, repeatable fuzz of a valid document: cut short at random points, bytes flipped, bytes
 * that mean something to a parser (quotes, brackets, separators, NUL, a lone UTF-8 lead byte, a
 * line break) put in, and a slice repeated. The same seed gives the same mutations, so a failure
 * names one that can be run again.
 */
final class Mutations {

    private static final byte[] MEANINGFUL = {'"', '{', '}', '[', ']', '<', '>', '&', '\'', '+', ':', '*', '~', '\\', 0, '\n',
            (byte) 0xC0, (byte) 0xED, (byte) 0xFF, (byte) 0x80};

    /** One mutated document, named for the report. */
    record Mutant(String name, byte[] bytes) {

        @Override
        public String toString() {
            return name;
        }
    }

    private Mutations() {
    }

    static List<Mutant> of(String sample, byte[] original, int count, long seed) {
        Random random = new Random(seed);
        List<Mutant> mutants = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(original.length);
            mutants.add(switch (i % 4) {
                case 0 -> new Mutant(sample + " cut at " + at, Arrays.copyOf(original, at));
                case 1 -> {
                    byte[] flipped = original.clone();
                    int bit = random.nextInt(8);
                    flipped[at] ^= (byte) (1 << bit);
                    yield new Mutant(sample + " bit " + bit + " of byte " + at + " flipped", flipped);
                }
                case 2 -> {
                    byte inserted = MEANINGFUL[random.nextInt(MEANINGFUL.length)];
                    yield new Mutant(sample + String.format(" 0x%02X put in at %d", inserted & 0xFF, at), insert(original, at, new byte[] {inserted}));
                }
                default -> {
                    int length = Math.min(1 + random.nextInt(40), original.length - at);
                    yield new Mutant(sample + " " + length + " bytes at " + at + " repeated",
                            insert(original, at, Arrays.copyOfRange(original, at, at + length)));
                }
            });
        }
        return mutants;
    }

    private static byte[] insert(byte[] original, int at, byte[] inserted) {
        byte[] mutated = new byte[original.length + inserted.length];
        System.arraycopy(original, 0, mutated, 0, at);
        System.arraycopy(inserted, 0, mutated, at, inserted.length);
        System.arraycopy(original, at, mutated, at + inserted.length, original.length - at);
        return mutated;
    }
}
