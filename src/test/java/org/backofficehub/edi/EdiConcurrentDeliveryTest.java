package org.backofficehub.edi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.InterchangeRegistry.Arrival;
import org.backofficehub.support.EdiInterchangeGenerator;
import org.backofficehub.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19, item 11: the same interchange delivered under several file names at once is read once.
 * Exactly one delivery claims it; the others find it in progress (or done) and are refused as
 * duplicates: one acknowledgement, one set of order responses, each order booked once. A claim
 * left by a crash is taken over, at once by the same hub instance, after its lease by another.
 */
class EdiConcurrentDeliveryTest {

    private static final Envelope INTERCHANGE = new Envelope(EdiStandard.X12, "ACMERETAIL", "ZZ", "BACKOFFICEHUB", "ZZ", "000000101",
            "X12", "00401", false, "261123", "1015");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eightDeliveriesAtOnceOnOneInstanceOrSeveralClaimItOnce(TestDatabase database) throws Exception {
        try (HikariDataSource hubStore = database.newMigratedDataSource("hub", "db/hub")) {
            InterchangeRegistry here = new InterchangeRegistry(hubStore, Clock.systemUTC(), "host-a:/data", Duration.ofMinutes(10));
            InterchangeRegistry there = new InterchangeRegistry(hubStore, Clock.systemUTC(), "host-b:/data", Duration.ofMinutes(10));
            List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    InterchangeRegistry registry = i % 2 == 0 ? here : there;
                    String name = "copy-" + i + ".edi";
                    work.add(threads.submit(() -> {
                        start.await();
                        return arrivals.add(registry.arrived("ACME", INTERCHANGE, name));
                    }));
                }
                start.countDown();
                for (Future<?> done : work) {
                    done.get(30, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(arrivals).filteredOn(a -> a == Arrival.NEW).hasSize(1);
            assertThat(arrivals).filteredOn(a -> a == Arrival.IN_PROGRESS).hasSize(7);
            InterchangeRegistry holder = here.list("in", "ACME", 1).get(0).fileName().matches("copy-[0246]\\.edi") ? here : there;
            holder.finished("ACME", "000000101", "completed", "850", 2, null);
            assertThat(here.arrived("ACME", INTERCHANGE, "later.edi")).isEqualTo(Arrival.DUPLICATE);
            assertThat(there.arrived("ACME", INTERCHANGE, "later.edi")).isEqualTo(Arrival.DUPLICATE);
            assertThat(here.list("in", null, 10)).singleElement().satisfies(in -> assertThat(in.state()).isEqualTo("completed"));
        }
    }

    @Test
    void theVeryFileReadAgainTakesOverADeadReadersFreshClaimAndPassesOverWhatItFinished() {
        try (HikariDataSource hubStore = TestDatabase.H2.newMigratedDataSource("hub", "db/hub")) {
            MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:30:00Z"));
            Duration lease = Duration.ofMinutes(10);
            InterchangeRegistry killedLeader = new InterchangeRegistry(hubStore, clock, "host-a:/data", lease);
            InterchangeRegistry newLeader = new InterchangeRegistry(hubStore, clock, "host-b:/data", lease);
            assertThat(killedLeader.arrived("ACME", INTERCHANGE, "a.edi")).isEqualTo(Arrival.NEW);

            clock.move(Duration.ofSeconds(10));
            assertThat(newLeader.arrived("ACME", INTERCHANGE, "a.edi", true)).as("its reading ended with its reader")
                    .isEqualTo(Arrival.RESUMED);
            newLeader.finished("ACME", "000000101", "completed", "850", 2, null);

            assertThat(newLeader.arrived("ACME", INTERCHANGE, "a.edi", true)).as("the very file, done with, kept in the inbox")
                    .isEqualTo(Arrival.ALREADY_READ);
            assertThat(newLeader.arrived("ACME", INTERCHANGE, "a.edi")).as("sent again: a new file").isEqualTo(Arrival.DUPLICATE);
        }
    }

    @Test
    void aClaimLeftByACrashIsTakenOverAtOnceByItsInstanceAndAfterTheLeaseByAnother() {
        try (HikariDataSource hubStore = TestDatabase.H2.newMigratedDataSource("hub", "db/hub")) {
            MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:30:00Z"));
            Duration lease = Duration.ofMinutes(10);
            InterchangeRegistry crashed = new InterchangeRegistry(hubStore, clock, "host-a:/data", lease);
            InterchangeRegistry other = new InterchangeRegistry(hubStore, clock, "host-b:/data", lease);
            assertThat(crashed.arrived("ACME", INTERCHANGE, "a.edi")).isEqualTo(Arrival.NEW);

            clock.move(Duration.ofMinutes(9));
            assertThat(other.arrived("ACME", INTERCHANGE, "b.edi")).as("another instance's fresh claim").isEqualTo(Arrival.IN_PROGRESS);
            InterchangeRegistry restarted = new InterchangeRegistry(hubStore, clock, "host-a:/data", lease);
            assertThat(restarted.arrived("ACME", INTERCHANGE, "a.edi")).as("its own, after a restart").isEqualTo(Arrival.RESUMED);
            restarted.abandoned("ACME", "000000101", "processing stopped");
            assertThat(other.list("in", null, 1).get(0).state()).isEqualTo("failed");

            assertThat(other.arrived("ACME", INTERCHANGE, "b.edi")).as("a failed one is read again").isEqualTo(Arrival.RESUMED);
            clock.move(Duration.ofMinutes(11));
            InterchangeRegistry third = new InterchangeRegistry(hubStore, clock, "host-c:/data", lease);
            assertThat(third.arrived("ACME", INTERCHANGE, "c.edi")).as("a stale claim of another instance")
                    .isEqualTo(Arrival.RESUMED);
            other.finished("ACME", "000000101", "completed", "850", 2, null);
            assertThat(other.list("in", null, 1).get(0).state()).as("the claim taken over is no longer other's to finish")
                    .isEqualTo("receiving");
            third.finished("ACME", "000000101", "partial", "850", 2, "1 rejected");
            assertThat(other.list("in", null, 1).get(0)).satisfies(in -> {
                assertThat(in.state()).isEqualTo("partial");
                assertThat(in.detail()).isEqualTo("1 rejected");
                assertThat(in.fileName()).isEqualTo("c.edi");
            });
        }
    }

    @Test
    void theSameInterchangeUnderFiveNamesAtOnceIsAnsweredOnce() throws Exception {
        Path original = dir.resolve("po.edi");
        EdiInterchangeGenerator.x12(original, 4242, 300);
        try (EdiRoute route = new EdiRoute(dir, false)) {
            List<Callable<String>> deliveries = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 1; i <= 5; i++) {
                Path copy = Files.copy(original, dir.resolve("po-copy-" + i + ".edi"));
                deliveries.add(() -> {
                    start.await();
                    return String.valueOf(route.receive(copy));
                });
            }
            ExecutorService threads = Executors.newFixedThreadPool(5);
            List<String> outcomes = new ArrayList<>();
            try {
                List<Future<String>> running = deliveries.stream().map(threads::submit).toList();
                start.countDown();
                for (Future<String> outcome : running) {
                    outcomes.add(outcome.get(120, TimeUnit.SECONDS));
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(outcomes).filteredOn("null"::equals).as("read once: %s", outcomes).hasSize(1);
            assertThat(outcomes).filteredOn("duplicate-input"::equals).as("the others refused as duplicates").hasSize(4);
            assertThat(route.documents("997")).hasSize(1);
            assertThat(route.documents("855")).hasSize(1);
            assertThat(route.text("855")).doesNotContain("*RJ*");
            assertThat(route.documents("TA1")).hasSize(4);
            assertThat(route.text("TA1").split("TA1\\*000004242\\*261123\\*1015\\*R\\*025~", -1)).hasSize(5);
            assertThat(route.delivered).as("each order handed to booking once").hasSize(300);
            assertThat(route.erpCount("SELECT COUNT(*) FROM ORDHDR")).isEqualTo(300);
            assertThat(route.inbound("ACME", "000004242").state()).isEqualTo("completed");
        }
    }

    /** A clock the test moves on. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
