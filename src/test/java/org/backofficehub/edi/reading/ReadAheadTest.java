package org.backofficehub.edi.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backofficehub.support.EdiInterchangeGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.InterchangeListener;
import org.backofficehub.edi.SyntaxError;

/**
 * The guided reader reads ahead on a thread of its own. Whatever happens, the listener must see
 * what it would see reading on one thread: every message in order, a syntax error after the
 * messages before it, and a listener that fails must stop the reading thread, not leave it behind.
 */
class ReadAheadTest {

    private static final int MESSAGES = 2_000;
    private static final InterchangeReader READER = new InterchangeReader(new TransactionSchemas());

    @TempDir
    static Path folder;
    private static Path interchange;

    @BeforeAll
    static void generate() throws IOException {
        interchange = folder.resolve("orders.edi");
        EdiInterchangeGenerator.edifact(interchange, "RA0001", MESSAGES);
    }

    @Test
    void everyMessageArrivesInOrderAcrossManyHandOvers() throws Exception {
        List<String> seen = new ArrayList<>();
        try (InputStream in = Files.newInputStream(interchange)) {
            READER.read(in, new Collecting(seen, Integer.MAX_VALUE));
        }
        assertThat(seen).hasSize(MESSAGES + 2).startsWith("start").endsWith("end");
        List<String> controls = seen.subList(1, MESSAGES + 1);
        assertThat(controls).allMatch(line -> line.startsWith("message "));
        assertThat(controls.stream().map(line -> Long.parseLong(line.substring("message ".length())))).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aTruncatedInterchangeFailsAfterTheMessagesReadBeforeTheCut() throws Exception {
        byte[] whole = Files.readAllBytes(interchange);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> READER.read(new java.io.ByteArrayInputStream(cut), new Collecting(seen, Integer.MAX_VALUE)))
                .isInstanceOf(InterchangeSyntaxException.class);
        assertThat(seen.stream().filter(line -> line.startsWith("message "))).hasSizeGreaterThan(MESSAGES / 3);
        assertThat(seen).doesNotContain("end");
    }

    @Test
    void aFailingListenerStopsTheReadingThread() throws Exception {
        List<String> seen = new ArrayList<>();
        try (InputStream in = Files.newInputStream(interchange)) {
            assertThatThrownBy(() -> READER.read(in, new Collecting(seen, 300))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("listener gave up");
        }
        assertThat(seen.stream().filter(line -> line.startsWith("message "))).hasSize(300);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("edi-read-ahead"));
    }

    private record Collecting(List<String> seen, int failAfter) implements InterchangeListener {
        @Override
        public void interchangeStarted(Envelope envelope) {
            seen.add("start");
        }

        @Override
        public void message(EdiMessage message) {
            assertThat(message.errors()).isEmpty();
            if (seen.size() > failAfter) {
                throw new IllegalStateException("listener gave up");
            }
            seen.add("message " + message.controlNumber());
        }

        @Override
        public void interchangeEnded(Envelope envelope, List<SyntaxError> errors) {
            seen.add("end");
        }
    }
}
