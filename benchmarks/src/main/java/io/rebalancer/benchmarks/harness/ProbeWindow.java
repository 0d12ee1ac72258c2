package io.rebalancer.benchmarks.harness;

import org.HdrHistogram.Histogram;

/**
 * What {@link EngineProbe} records for one measurement: the ticks whose intended send times fall in
 * {@code [from, to)}, wherever the engine got to them. Choosing by intended time, not by when a result comes out,
 * means a warm-up tick handled late never lands in the measurement, and a measured tick handled late still does.
 * <p>
 * Written on the engine thread only; the harness reads it once the engine has consumed every measured tick (the
 * ring's gating sequence is the happens-before edge). The histograms are sized up front and never resize, and every
 * value is clamped into their range, so recording allocates nothing.
 */
final class ProbeWindow {
    /** An hour in nanoseconds: any latency above it is recorded as an hour. */
    static final long HIGHEST_NANOS = 3_600_000_000_000L;
    static final int DIGITS = 3;

    final long fromIntended;
    final long toIntended;
    /** Causing moment to the first order it caused leaving the engine: one value per answered moment. */
    final Histogram intent = new Histogram(HIGHEST_NANOS, DIGITS);
    /** Every tick to the engine's stage returning from it. */
    final Histogram handled = new Histogram(HIGHEST_NANOS, DIGITS);
    /** Ticks handled. */
    long ticks;
    /** Causing moments handled (the load's pairs of mover ticks); each ends answered, unanswered or merged. */
    long causes;
    /** Moments whose portfolio got an order in their batch: the values of {@link #intent}. */
    long answered;
    /** Moments whose batch ended without an order for their portfolio (a mover's own order still working, say). */
    long unanswered;
    /** Moments that met their portfolio's previous moment still waiting in the same batch: answered together. */
    long merged;
    /** A portfolio's orders after the first in its answered moment's batch (its pair's other half, a sweep). */
    long followers;
    /** Orders of a portfolio with no moment in the batch (after a fill, say). */
    long uncaused;
    /** The venue scenario's arrivals of the same moments' first orders, or null. */
    OrderArrivals.Window arrivals;

    ProbeWindow(final long fromIntended, final long toIntended) {
        this.fromIntended = fromIntended;
        this.toIntended = toIntended;
    }

    /** A window no tick falls in: the probe's state between measurements. */
    static ProbeWindow closed() {
        return new ProbeWindow(Long.MIN_VALUE, Long.MIN_VALUE);
    }

    boolean covers(final long intendedNanos) {
        return intendedNanos >= fromIntended && intendedNanos < toIntended;
    }

    /** Orders the measured moments sent in all. */
    long orders() {
        return answered + followers;
    }

    /** A latency clamped into the histograms' range, so that recording never throws (and so never allocates). */
    static long clamp(final long nanos) {
        return Math.max(0, Math.min(HIGHEST_NANOS, nanos));
    }
}
