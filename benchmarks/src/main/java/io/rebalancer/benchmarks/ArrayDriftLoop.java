package io.rebalancer.benchmarks;

import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Ppm;

/**
 * The floor for drift: the minimal hand-written full pass over plain arrays. {@code long[]} quantities times
 * {@code long[]} prices (micros) summed to a total, then each weight against its target and band. No staleness, no
 * overflow checks, no cash buffer, no portfolio band, no worst-slot bookkeeping: what the engine's per-tick update
 * is promised to be no slower than. Same data as the engine's portfolio, indexed by slot.
 */
final class ArrayDriftLoop {
    private final long[] quantities;
    private final long[] prices;
    private final double[] targets;
    private final double[] bands;
    private final long cash;

    /** The spec's data, every slot priced at {@code mids[instrumentId]} (micros). */
    ArrayDriftLoop(final PortfolioSpec spec, final long[] mids) {
        final int assets = spec.assets();
        quantities = spec.quantities().clone();
        prices = new long[assets];
        targets = new double[assets];
        bands = new double[assets];
        for (int slot = 0; slot < assets; slot++) {
            prices[slot] = mids[spec.instrumentIds()[slot]];
            targets[slot] = Ppm.toFraction(spec.targetPpm()[slot]);
            bands[slot] = Ppm.toFraction(PortfolioSpec.effectiveBandPpm(spec.absoluteBandPpm()[slot],
                spec.relativeBandPpm()[slot], spec.targetPpm()[slot]));
        }
        cash = spec.cash();
    }

    /** Sets one slot's price (micros) and says whether any weight is now further from its target than its band. */
    boolean tick(final int slot, final long price) {
        prices[slot] = price;
        final int assets = quantities.length;
        long total = cash;
        for (int k = 0; k < assets; k++) {
            total += quantities[k] * prices[k];
        }
        final double inverse = 1.0 / total;
        boolean breach = false;
        for (int k = 0; k < assets; k++) {
            breach |= Math.abs(quantities[k] * prices[k] * inverse - targets[k]) > bands[k];
        }
        return breach;
    }
}
