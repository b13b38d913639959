package org.backofficehub.edi.partners;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backofficehub.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;

/** Control numbers and interchange records in the hub store, on H2 and on a real PostgreSQL: same SQL, same outcome. */
class EdiStoreTest {

    private HikariDataSource hubStore;

    @AfterEach
    void close() {
        hubStore.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void controlNumbersAreNeverHandedOutTwiceEvenOnAConcurrentFirstUse(TestDatabase database) throws Exception {
        hubStore = database.newMigratedDataSource("hub", "db/hub");
        StoredControlNumbers numbers = new StoredControlNumbers(hubStore);
        Set<Long> handedOut = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                work.add(threads.submit(() -> {
                    for (int j = 0; j < 25; j++) {
                        long first = numbers.reserve("ACME", ControlNumbers.Kind.INTERCHANGE, 2);
                        assertThat(handedOut.add(first)).isTrue();
                        assertThat(handedOut.add(first + 1)).isTrue();
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(handedOut).hasSize(400).allMatch(n -> n >= 1 && n <= 400);
        assertThat(numbers.next("ACME", ControlNumbers.Kind.INTERCHANGE)).isEqualTo(401);
        assertThat(numbers.next("ACME", ControlNumbers.Kind.GROUP)).as("kinds are counted apart").isEqualTo(1);
        assertThat(numbers.next("GLOBEX", ControlNumbers.Kind.INTERCHANGE)).as("partners are counted apart").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCompletedInterchangeIsADuplicateAndAnInterruptedOrRefusedOneMayComeAgain(TestDatabase database) {
        hubStore = database.newMigratedDataSource("hub", "db/hub");
        InterchangeRegistry crashed = new InterchangeRegistry(hubStore, Clock.systemUTC(), "host:/data", Duration.ofMinutes(10));
        InterchangeRegistry registry = new InterchangeRegistry(hubStore, Clock.systemUTC(), "host:/data", Duration.ofMinutes(10));
        Envelope first = envelope("000000101");
        Envelope second = envelope("000000102");

        assertThat(crashed.arrived("ACME", first, "a.edi")).isEqualTo(InterchangeRegistry.Arrival.NEW);
        assertThat(registry.arrived("ACME", first, "a.edi")).as("the same instance after a crash mid-way")
                .isEqualTo(InterchangeRegistry.Arrival.RESUMED);
        registry.finished("ACME", "000000101", "completed", "850", 2);
        assertThat(registry.arrived("ACME", first, "again.edi")).isEqualTo(InterchangeRegistry.Arrival.DUPLICATE);
        assertThat(registry.arrived("GLOBEX", first, "b.edi")).as("another sender's number").isEqualTo(InterchangeRegistry.Arrival.NEW);

        registry.arrived("ACME", second, "c.edi");
        registry.finished("ACME", "000000102", "partial", "850", 2, "2 message(s): 1 rejected in the acknowledgement, 0 order(s) refused");
        assertThat(registry.arrived("ACME", second, "c-corrected.edi")).isEqualTo(InterchangeRegistry.Arrival.RESUMED);

        registry.sent("ACME", EdiStandard.X12, "000000007", "7", "855", 2, true, "855-ACME-000000007.edi");
        assertThat(registry.acknowledgedGroup("ACME", "7", "accepted", "997 1: 2 of 2 accepted", null)).isTrue();
        assertThat(registry.acknowledgedGroup("ACME", "8", "accepted", "997 2", null)).isFalse();
        assertThat(registry.list("out", "ACME", 10)).singleElement()
                .satisfies(sent -> assertThat(sent.ackStatus()).isEqualTo("accepted"));
        assertThat(registry.list("in", null, 10)).hasSize(3);
    }

    private static Envelope envelope(String controlNumber) {
        return new Envelope(EdiStandard.X12, "ACMERETAIL", "ZZ", "BACKOFFICEHUB", "ZZ", controlNumber, "X12", "00401", false,
                "261123", "1015");
    }
}
