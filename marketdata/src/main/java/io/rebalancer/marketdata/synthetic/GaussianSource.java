package io.rebalancer.marketdata.synthetic;

import java.util.SplittableRandom;

/**
 * Standard normal draws by Marsaglia's polar method over a seeded {@link SplittableRandom}: each accepted pair
 * gives two draws, the second kept for the next call. No allocation per draw, and the same seed always gives
 * the same sequence on every JVM ({@code Random.nextGaussian} would lock on every call and use a weaker generator).
 */
final class GaussianSource {
    private final SplittableRandom random;
    private boolean hasSpare;
    private double spare;

    GaussianSource(final long seed) {
        random = new SplittableRandom(seed);
    }

    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * random.nextDouble() - 1.0;
            v = 2.0 * random.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        final double scale = Math.sqrt(-2.0 * Math.log(s) / s);
        spare = v * scale;
        hasSpare = true;
        return u * scale;
    }
}
