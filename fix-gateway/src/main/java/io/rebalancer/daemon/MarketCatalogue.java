package io.rebalancer.daemon;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.synthetic.Cholesky;
import io.rebalancer.marketdata.synthetic.InstrumentModel;
import io.rebalancer.marketdata.synthetic.MarketModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plausible synthetic-market parameters for the configured symbols: a built-in table of common ETFs (a starting
 * price, an annual drift and volatility, an asset class) and a default for any other symbol (100.00, 5%, 20%).
 * Returns correlate by asset class (equities with equities 0.85, equities with bonds -0.2, ...). If the assembled
 * matrix is not positive definite, every off-diagonal entry is shrunk by 10% until it is, so any universe works.
 */
final class MarketCatalogue {
    /** Asset classes, in the order of {@link #CLASS_CORRELATION}'s rows. */
    private static final int EQUITY = 0;
    private static final int BOND = 1;
    private static final int GOLD = 2;
    private static final int COMMODITY = 3;
    private static final int REAL_ESTATE = 4;
    private static final int OTHER = 5;
    private static final double[][] CLASS_CORRELATION = {
        {0.85, -0.20, 0.05, 0.35, 0.70, 0.0},
        {-0.20, 0.75, 0.30, -0.10, 0.20, 0.0},
        {0.05, 0.30, 0.90, 0.40, 0.10, 0.0},
        {0.35, -0.10, 0.40, 0.70, 0.25, 0.0},
        {0.70, 0.20, 0.10, 0.25, 0.80, 0.0},
        {0.0, 0.0, 0.0, 0.0, 0.0, 0.0},
    };
    private static final double SHRINK = 0.9;
    private static final Entry DEFAULT = new Entry("100.00", 0.05, 0.20, 2.0, OTHER);
    private static final Map<String, Entry> TABLE = Map.ofEntries(
        Map.entry("SPY", new Entry("478.00", 0.07, 0.17, 0.5, EQUITY)),
        Map.entry("IVV", new Entry("480.00", 0.07, 0.17, 0.5, EQUITY)),
        Map.entry("VOO", new Entry("440.00", 0.07, 0.17, 0.5, EQUITY)),
        Map.entry("VTI", new Entry("235.00", 0.07, 0.18, 0.5, EQUITY)),
        Map.entry("QQQ", new Entry("410.00", 0.09, 0.23, 0.5, EQUITY)),
        Map.entry("IWM", new Entry("200.00", 0.06, 0.22, 1.0, EQUITY)),
        Map.entry("EFA", new Entry("75.00", 0.05, 0.16, 1.0, EQUITY)),
        Map.entry("VEA", new Entry("47.00", 0.05, 0.16, 1.0, EQUITY)),
        Map.entry("EEM", new Entry("40.00", 0.05, 0.21, 1.5, EQUITY)),
        Map.entry("VWO", new Entry("41.00", 0.05, 0.21, 1.5, EQUITY)),
        Map.entry("AGG", new Entry("97.00", 0.03, 0.06, 0.5, BOND)),
        Map.entry("BND", new Entry("72.00", 0.03, 0.06, 0.5, BOND)),
        Map.entry("TLT", new Entry("92.50", 0.03, 0.15, 0.5, BOND)),
        Map.entry("IEF", new Entry("94.00", 0.03, 0.08, 0.5, BOND)),
        Map.entry("SHY", new Entry("82.00", 0.03, 0.02, 0.5, BOND)),
        Map.entry("LQD", new Entry("108.00", 0.04, 0.09, 1.0, BOND)),
        Map.entry("HYG", new Entry("77.00", 0.05, 0.09, 1.0, BOND)),
        Map.entry("TIP", new Entry("107.00", 0.03, 0.06, 1.0, BOND)),
        Map.entry("GLD", new Entry("190.00", 0.04, 0.15, 0.5, GOLD)),
        Map.entry("IAU", new Entry("39.00", 0.04, 0.15, 1.0, GOLD)),
        Map.entry("SLV", new Entry("22.00", 0.03, 0.28, 1.0, COMMODITY)),
        Map.entry("DBC", new Entry("22.00", 0.03, 0.18, 2.0, COMMODITY)),
        Map.entry("GSG", new Entry("20.00", 0.03, 0.20, 2.0, COMMODITY)),
        Map.entry("VNQ", new Entry("85.00", 0.06, 0.21, 1.0, REAL_ESTATE)));

    private MarketCatalogue() {
    }

    /** A market with one model per instrument of the universe, in id order. */
    static MarketModel model(final InstrumentUniverse universe, final long seed, final long startEpochNanos,
        final long tickIntervalNanos) {
        return model(universe, seed, startEpochNanos, tickIntervalNanos, new long[universe.size()]);
    }

    /**
     * As {@link #model(InstrumentUniverse, long, long, long)}, each instrument starting at {@code startPrices[id]}
     * (micros) instead of the catalogue's price where that is above zero: a recovered run's market continues from
     * the prices its engine last saw.
     */
    static MarketModel model(final InstrumentUniverse universe, final long seed, final long startEpochNanos,
        final long tickIntervalNanos, final long[] startPrices) {
        final int n = universe.size();
        final List<InstrumentModel> models = new ArrayList<>(n);
        final int[] classes = new int[n];
        for (int id = 0; id < n; id++) {
            final Instrument instrument = universe.get(id);
            final Entry entry = TABLE.getOrDefault(instrument.symbol(), DEFAULT);
            classes[id] = entry.assetClass();
            final long start = startPrices[id] > 0 ? startPrices[id] : Fixed.parse(entry.startPrice());
            models.add(new InstrumentModel(id, start - start % instrument.tickSize(), instrument.tickSize(),
                entry.annualDrift(), entry.annualVolatility(), entry.halfSpreadBps()));
        }
        return new MarketModel(models, correlation(classes), seed, startEpochNanos, tickIntervalNanos);
    }

    static double[][] correlation(final int[] classes) {
        final int n = classes.length;
        final double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = i == j ? 1.0 : CLASS_CORRELATION[classes[i]][classes[j]];
            }
        }
        while (Cholesky.decompose(m) == null) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        m[i][j] *= SHRINK;
                    }
                }
            }
        }
        return m;
    }

    /** One row of the built-in table; prices as text so they parse exactly. */
    private record Entry(String startPrice, double annualDrift, double annualVolatility, double halfSpreadBps,
                         int assetClass) {
    }
}
