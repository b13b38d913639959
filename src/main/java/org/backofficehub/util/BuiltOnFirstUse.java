package org.backofficehub.util;

import java.util.function.Supplier;

/**
 * A value costly to build that start-up does not need, such as a schema compiled from its source:
 * built once, by its first user, then shared. On two cores every
 * CPU-second spent before the hub is healthy delays it, and compiling even right after start
 * slowed its first answers (BENCHMARKS.md, start-up).
 * A build that fails is tried again by the next user, who gets the failure too.
 */
public final class BuiltOnFirstUse<T> implements Supplier<T> {

    private final Supplier<T> builder;
    private volatile T built;

    public BuiltOnFirstUse(Supplier<T> builder) {
        this.builder = builder;
    }

    @Override
    public T get() {
        T value = built;
        if (value == null) {
            synchronized (this) {
                if (built == null) {
                    built = builder.get();
                }
                value = built;
            }
        }
        return value;
    }
}
