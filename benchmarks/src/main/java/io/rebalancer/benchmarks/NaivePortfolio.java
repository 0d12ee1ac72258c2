package io.rebalancer.benchmarks;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Ppm;

import java.util.HashMap;
import java.util.Map;

/**
 * The naive baseline for drift: a portfolio written the way blog posts do it. Boxed {@code Map<String, Double>}
 * holdings, targets and bands keyed by symbol, doubles for money, and every weight recomputed from scratch (into a
 * new map) on every tick. Holds the same data as the engine's portfolio: the band is the spec's effective band.
 */
final class NaivePortfolio {
    private final Map<String, Double> quantities = new HashMap<>();
    private final Map<String, Double> targets = new HashMap<>();
    private final Map<String, Double> bands = new HashMap<>();
    private final double cash;

    /** The spec's data keyed by {@code symbols[instrumentId]}. */
    NaivePortfolio(final PortfolioSpec spec, final String[] symbols) {
        for (int slot = 0; slot < spec.assets(); slot++) {
            final String symbol = symbols[spec.instrumentIds()[slot]];
            quantities.put(symbol, (double)spec.quantities()[slot]);
            targets.put(symbol, Ppm.toFraction(spec.targetPpm()[slot]));
            bands.put(symbol, Ppm.toFraction(PortfolioSpec.effectiveBandPpm(spec.absoluteBandPpm()[slot],
                spec.relativeBandPpm()[slot], spec.targetPpm()[slot])));
        }
        cash = Fixed.toDouble(spec.cash());
    }

    boolean holds(final String symbol) {
        return quantities.containsKey(symbol);
    }

    /** Revalues every position at {@code prices}: is any weight further from its target than its band? */
    boolean isOutOfBands(final Map<String, Double> prices) {
        double total = cash;
        final Map<String, Double> values = new HashMap<>();
        for (final Map.Entry<String, Double> position : quantities.entrySet()) {
            final double value = position.getValue() * prices.get(position.getKey());
            values.put(position.getKey(), value);
            total += value;
        }
        boolean breach = false;
        for (final Map.Entry<String, Double> value : values.entrySet()) {
            final double weight = value.getValue() / total;
            if (Math.abs(weight - targets.get(value.getKey())) > bands.get(value.getKey())) {
                breach = true;
            }
        }
        return breach;
    }
}
