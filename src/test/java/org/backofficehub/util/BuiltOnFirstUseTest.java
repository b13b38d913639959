package org.backofficehub.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BuiltOnFirstUseTest {

    @Test
    void buildsNothingUntilUsedThenOnceForEveryThread() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        BuiltOnFirstUse<Object> value = new BuiltOnFirstUse<>(() -> {
            builds.incrementAndGet();
            return new Object();
        });
        assertEquals(0, builds.get());

        ExecutorService users = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> seen = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                seen.add(users.submit(() -> {
                    start.await();
                    return value.get();
                }));
            }
            start.countDown();
            for (Future<Object> each : seen) {
                assertSame(seen.get(0).get(), each.get());
            }
        } finally {
            users.shutdownNow();
        }
        value.get();
        assertEquals(1, builds.get());
    }

    @Test
    void aFailedBuildFailsItsUserAndIsTriedAgainByTheNext() {
        AtomicInteger attempts = new AtomicInteger();
        BuiltOnFirstUse<String> value = new BuiltOnFirstUse<>(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("schema missing");
            }
            return "compiled";
        });

        IllegalStateException failure = assertThrows(IllegalStateException.class, value::get);
        assertEquals("schema missing", failure.getMessage());
        assertEquals("compiled", value.get());
        assertEquals(2, attempts.get());
    }
}
