package org.backofficehub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows password guessing down, per client (an address and the user name it tries): after
 * {@code maxFailures} wrong credentials the client is refused (429) for {@code lockout}, and for twice as long after each further wrong
 * one, up to {@code maxLockout}. A correct sign-in, or a quiet {@code maxLockout}, forgets the count.
 * Refused clients are refused even with the right password, or guessing would simply go on.
 */
public final class SignInThrottle {

    /** Addresses remembered at most; beyond, those without a lockout are forgotten first. */
    private static final int MAX_CLIENTS = 100_000;

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final int maxFailures;
    private final Duration lockout;
    private final Duration maxLockout;
    private final Clock clock;
    private final ConcurrentMap<String, Failures> clients = new ConcurrentHashMap<>();

    public SignInThrottle(int maxFailures, Duration lockout, Duration maxLockout, Clock clock) {
        if (maxFailures < 1 || lockout.isNegative() || maxLockout.compareTo(lockout) < 0) {
            throw new IllegalArgumentException("hub.security.sign-in: max-failures must be at least 1 and max-lockout at least lockout");
        }
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.maxLockout = maxLockout;
        this.clock = clock;
    }

    /** How long the client must still wait, if it is locked out. */
    public Optional<Duration> lockedOutFor(String client) {
        Failures failures = clients.get(client);
        Instant now = clock.instant();
        if (failures == null || !failures.blockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.blockedUntil()));
    }

    /** Counts a wrong password; true when this one starts a lockout (for the log). */
    public boolean failed(String client) {
        Instant now = clock.instant();
        if (clients.size() >= MAX_CLIENTS) {
            clients.values().removeIf(f -> !f.blockedUntil().isAfter(now));
        }
        Failures counted = clients.compute(client, (address, before) -> {
            int count = before == null || before.last().plus(maxLockout).isBefore(now) ? 1 : before.count() + 1;
            Instant blockedUntil = count < maxFailures ? now : now.plus(lockoutAfter(count));
            return new Failures(count, now, blockedUntil);
        });
        return counted.count() == maxFailures;
    }

    public void succeeded(String client) {
        clients.remove(client);
    }

    private Duration lockoutAfter(int failures) {
        int doublings = Math.min(failures - maxFailures, 30);
        Duration lockedOut = lockout.multipliedBy(1L << doublings);
        return lockedOut.compareTo(maxLockout) > 0 ? maxLockout : lockedOut;
    }
}
