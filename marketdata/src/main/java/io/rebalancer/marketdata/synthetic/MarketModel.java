package io.rebalancer.marketdata.synthetic;

import java.util.List;

/**
 * Everything that defines a synthetic market run: the instruments, how their returns correlate, the seed
 * and the simulated clock. The same model always produces the same ticks.
 *
 * @param instruments         one model per instrument; each step moves them all, then publishes them in order
 * @param correlation         symmetric, unit diagonal, positive definite correlation of the log returns
 * @param seed                the random seed
 * @param startEpochNanos     event time of the first tick
 * @param tickIntervalNanos   simulated time between two consecutive ticks (of any instruments)
 */
public record MarketModel(List<InstrumentModel> instruments, double[][] correlation, long seed,
                          long startEpochNanos, long tickIntervalNanos) {
    public MarketModel {
        instruments = List.copyOf(instruments);
        final int n = instruments.size();
        if (n == 0 || tickIntervalNanos <= 0) {
            throw new IllegalArgumentException("a market needs instruments and a positive tick interval");
        }
        if (correlation == null || correlation.length != n) {
            throw new IllegalArgumentException("correlation must be " + n + " x " + n);
        }
        final double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (correlation[i].length != n) {
                throw new IllegalArgumentException("correlation must be " + n + " x " + n);
            }
            copy[i] = correlation[i].clone();
        }
        correlation = copy;
        if (Cholesky.decompose(correlation) == null) {
            throw new IllegalArgumentException("correlation must be symmetric with a unit diagonal, entries in "
                + "[-1, 1], and positive definite");
        }
    }

    /** A copy of the correlation matrix (records hand out their arrays otherwise). */
    @Override
    public double[][] correlation() {
        final double[][] copy = new double[correlation.length][];
        for (int i = 0; i < correlation.length; i++) {
            copy[i] = correlation[i].clone();
        }
        return copy;
    }
}
