package org.backofficehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofSeconds(30), Duration.ofMinutes(4), clock);

    @Test
    void locksOutAfterMaxFailuresAndDoublesEachFurtherOneUpToTheMaximum() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertThat(throttle.lockedOutFor("10.0.0.1")).isEmpty();

        throttle.failed("10.0.0.1");
        assertThat(throttle.lockedOutFor("10.0.0.1")).hasValue(Duration.ofSeconds(30));
        assertThat(throttle.lockedOutFor("10.0.0.2")).isEmpty();

        now = now.plusSeconds(30);
        assertThat(throttle.lockedOutFor("10.0.0.1")).isEmpty();
        throttle.failed("10.0.0.1");
        assertThat(throttle.lockedOutFor("10.0.0.1")).hasValue(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.lockedOutFor("10.0.0.1")).hasValue(Duration.ofMinutes(4));
    }

    @Test
    void aSuccessOrAQuietMaximumLockoutForgetsTheCount() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        throttle.succeeded("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertThat(throttle.lockedOutFor("10.0.0.1")).as("counted from 1 again").isEmpty();

        throttle.failed("10.0.0.1");
        now = now.plus(Duration.ofMinutes(5));
        throttle.failed("10.0.0.1");
        assertThat(throttle.lockedOutFor("10.0.0.1")).as("the earlier ones forgotten").isEmpty();
    }
}
