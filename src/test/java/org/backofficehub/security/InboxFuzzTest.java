package org.backofficehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.backofficehub.security.Mutations.Mutant;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fuzz of every format the inbox reads (the web store's JSON, the XML order, EDIFACT and X12
 * interchanges, the ERP's customer export), each sample cut, flipped and spliced, dropped at once
 * into the real daemon's inbox. Every file leaves the inbox for done/ or error/ within the bound,
 * every refusal has its reason, and none is a failure of the hub itself (processing-failed, the
 * inbox's 500): whatever the bytes, the hub says what is wrong with them.
 */
class InboxFuzzTest {

    private static final long SEED = 21;
    private static final Duration ALL_SETTLED_WITHIN = Duration.ofSeconds(40);
    private static RunningHub hub;

    @BeforeAll
    static void start() {
        hub = RunningHub.start(Map.of("hub.max-input-bytes", "65536"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void everyMutatedFileIsBookedOrQuarantinedWithItsReason() throws Exception {
        Map<String, Mutant> dropped = new LinkedHashMap<>();
        List<Mutant> mutants = new ArrayList<>();
        mutants.addAll(Mutations.of("order.json", Samples.bytes("webstore/order.json"), 16, SEED));
        mutants.addAll(Mutations.of("order.xml", Samples.bytes("xml/order.xml"), 24, SEED));
        mutants.addAll(Mutations.of("orders-d96a-eancom.edi", Samples.bytes("edifact/orders-d96a-eancom.edi"), 24, SEED));
        mutants.addAll(Mutations.of("850-004010.edi", Samples.bytes("x12/850-004010.edi"), 24, SEED));
        mutants.addAll(Mutations.of("erp-customers.csv", Samples.bytes("customers/erp-customers.csv"), 8, SEED));
        for (Mutant mutant : mutants) {
            String name = "fuzz-" + dropped.size() + "-" + mutant.name().split(" ")[0];
            dropped.put(name, mutant);
            hub.dropBytes(mutant.bytes(), name);
        }

        Awaitility.await("every fuzzed file out of the inbox").atMost(ALL_SETTLED_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> inboxNames().stream().noneMatch(dropped::containsKey));

        List<String> notAccountedFor = new ArrayList<>();
        List<String> hubFailures = new ArrayList<>();
        for (Map.Entry<String, Mutant> file : dropped.entrySet()) {
            Path done = archived("done", file.getKey());
            Path error = archived("error", file.getKey());
            if (done == null && error == null) {
                notAccountedFor.add(file.getValue().name());
            } else if (error != null) {
                Path reason = error.resolveSibling(error.getFileName() + ".reason.txt");
                Awaitility.await("reason of " + file.getKey()).atMost(Duration.ofSeconds(5)).until(() -> Files.exists(reason));
                String text = Files.readString(reason);
                if (text.contains("problem: processing-failed")) {
                    hubFailures.add(file.getValue().name() + ": " + text.lines().filter(l -> l.startsWith("reason:")).findFirst().orElse(""));
                }
            }
        }
        assertThat(notAccountedFor).as("files neither in done/ nor in error/").isEmpty();
        assertThat(hubFailures).as("files the hub failed on instead of refusing").isEmpty();
        assertThat(hub.get("/observe/health").statusCode()).isEqualTo(200);
    }

    private static Path archived(String folder, String name) throws IOException {
        return hub.listing(folder).stream().filter(p -> p.getFileName().toString().endsWith("_" + name)).findFirst().orElse(null);
    }

    private static List<String> inboxNames() throws IOException {
        try (Stream<Path> files = Files.list(hub.folder("inbox"))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
