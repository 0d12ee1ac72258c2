package io.rebalancer.benchmarks.harness;

import java.util.concurrent.locks.LockSupport;

/**
 * A fixed offered rate: the i-th event is due at {@code start + i * interval}, whatever happened to the ones
 * before it. Latency is measured from that intended time, not from when the injector got round to sending, so a
 * stall anywhere (the consumer, the VM, the injector itself) shows up in every event it delayed instead of
 * vanishing from the record: coordinated omission is counted, not hidden.
 * <p>
 * Waiting: the injector parks while the next event is far off and spins ({@link Thread#onSpinWait()}) only for the
 * last {@link #SPIN_NANOS}; at high rates that makes it the one spinning thread this 2-core box can afford. When it
 * has fallen behind it does not wait at all: the late events go out at once, each still carrying its intended
 * time.
 */
public final class OfferedLoad {
    /** Park granularity on Linux is about 50–60 µs; spin only inside the last stretch. */
    static final long SPIN_NANOS = 80_000;

    private final long startNanos;
    private final double intervalNanos;

    /**
     * @param startNanos    {@link System#nanoTime()} at which event 0 is due
     * @param ratePerSecond events offered per second, more than zero
     */
    public OfferedLoad(final long startNanos, final double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be more than zero: " + ratePerSecond);
        }
        this.startNanos = startNanos;
        this.intervalNanos = 1e9 / ratePerSecond;
    }

    /** When event {@code index} is due, in {@link System#nanoTime()} terms. */
    public long intendedNanos(final long index) {
        return startNanos + (long) (index * intervalNanos);
    }

    /** Waits until event {@code index} is due and returns its intended time; returns at once when already late. */
    public long awaitIntended(final long index) {
        final long intended = intendedNanos(index);
        long remaining = intended - System.nanoTime();
        while (remaining > 0) {
            if (remaining > SPIN_NANOS) {
                LockSupport.parkNanos(remaining - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
            remaining = intended - System.nanoTime();
        }
        return intended;
    }

    public double intervalNanos() {
        return intervalNanos;
    }
}
