package io.rebalancer.benchmarks.suite;

/**
 * How long the suite runs. Quick answers "did anything move" in a few minutes; full is what
 * {@code benchmarks/README.md} publishes; smoke runs every benchmark and scenario for a moment so CI keeps them
 * working, and its figures mean nothing.
 */
public enum SuiteMode {
    /** In-process (no JMH fork), one short iteration each: CI's check that nothing rotted. */
    SMOKE(0, 0, 1, 50, new double[] {2_000}, new double[] {500}, 100, 200, 150, 300),
    /** A few minutes: one fork, one warm-up and two measured seconds per benchmark, three seconds per rate. */
    QUICK(1, 1, 2, 1_000, new double[] {10_000, 100_000, 1_000_000}, new double[] {500}, 2_000, 3_000,
        1_500, 5_000),
    /** About 22 minutes: the published figures, with minute-long holds. */
    FULL(1, 3, 5, 1_000, new double[] {10_000, 100_000, 1_000_000}, new double[] {500, 5_000}, 5_000, 20_000,
        3_000, 60_000);

    private final int jmhForks;
    private final int jmhWarmupIterations;
    private final int jmhMeasureIterations;
    private final int jmhIterationMillis;
    private final double[] tickRates;
    private final double[] orderRates;
    private final long warmupMillis;
    private final long measureMillis;
    private final long trialMillis;
    private final long holdMillis;

    SuiteMode(final int jmhForks, final int jmhWarmupIterations, final int jmhMeasureIterations,
        final int jmhIterationMillis, final double[] tickRates, final double[] orderRates, final long warmupMillis,
        final long measureMillis, final long trialMillis, final long holdMillis) {
        this.jmhForks = jmhForks;
        this.jmhWarmupIterations = jmhWarmupIterations;
        this.jmhMeasureIterations = jmhMeasureIterations;
        this.jmhIterationMillis = jmhIterationMillis;
        this.tickRates = tickRates;
        this.orderRates = orderRates;
        this.warmupMillis = warmupMillis;
        this.measureMillis = measureMillis;
        this.trialMillis = trialMillis;
        this.holdMillis = holdMillis;
    }

    public int jmhForks() {
        return jmhForks;
    }

    public int jmhWarmupIterations() {
        return jmhWarmupIterations;
    }

    public int jmhMeasureIterations() {
        return jmhMeasureIterations;
    }

    public int jmhIterationMillis() {
        return jmhIterationMillis;
    }

    /** Offered tick rates for the latency scenarios whose load is ticks. */
    public double[] tickRates() {
        return tickRates.clone();
    }

    /**
     * Offered rates for the raw QuickFIX/J floor. The first matches the order rate of tick-to-venue (about 500 orders
     * a second, whatever the tick rate), the floor it is compared with; QuickFIX/J holds ~30k round trips/s here.
     */
    public double[] orderRates() {
        return orderRates.clone();
    }

    public long warmupMillis() {
        return warmupMillis;
    }

    public long measureMillis() {
        return measureMillis;
    }

    /** Each trial of the sustained-throughput search. */
    public long trialMillis() {
        return trialMillis;
    }

    /** How long the sustained rate must hold (the minute in full mode). */
    public long holdMillis() {
        return holdMillis;
    }
}
