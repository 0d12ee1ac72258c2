package io.rebalancer.daemon;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.synthetic.InstrumentParameters;
import io.rebalancer.marketdata.synthetic.MarketDefaults;
import io.rebalancer.marketdata.synthetic.MarketModel;
import io.rebalancer.marketdata.synthetic.MarketModelFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Plausible synthetic-market parameters for the configured symbols: a built-in table of common ETFs (a starting
 * price, an annual drift and volatility, a half-spread, an asset class) and a default for any other symbol
 * (100.00, 5%, 20%, 2bp). Returns correlate by asset class (equities with equities 0.85, equities with bonds -0.2,
 * ...). If the assembled matrix is not positive definite, every off-diagonal entry is shrunk by 10% until it is,
 * so any universe works.
 * <p>
 * A configuration folder may hold {@value MarketModelFile#FILE_NAME}, which overrides this table where it says
 * something ({@link MarketModelFile}); the shipped one holds the same values, so it gives the same market.
 */
final class MarketCatalogue {
    /** The asset classes, in the order of {@link #CLASS_CORRELATION}'s rows. */
    private static final List<String> CLASSES = List.of("equity", "bond", "gold", "commodity", "real-estate",
        "other");
    private static final double[][] CLASS_CORRELATION = {
        {0.85, -0.20, 0.05, 0.35, 0.70, 0.0},
        {-0.20, 0.75, 0.30, -0.10, 0.20, 0.0},
        {0.05, 0.30, 0.90, 0.40, 0.10, 0.0},
        {0.35, -0.10, 0.40, 0.70, 0.25, 0.0},
        {0.70, 0.20, 0.10, 0.25, 0.80, 0.0},
        {0.0, 0.0, 0.0, 0.0, 0.0, 0.0},
    };
    private static final InstrumentParameters DEFAULT = entry("100.00", 0.05, 0.20, 2.0, "other");
    private static final Map<String, InstrumentParameters> TABLE = Map.ofEntries(
        Map.entry("SPY", entry("478.00", 0.07, 0.17, 0.5, "equity")),
        Map.entry("IVV", entry("480.00", 0.07, 0.17, 0.5, "equity")),
        Map.entry("VOO", entry("440.00", 0.07, 0.17, 0.5, "equity")),
        Map.entry("VTI", entry("235.00", 0.07, 0.18, 0.5, "equity")),
        Map.entry("QQQ", entry("410.00", 0.09, 0.23, 0.5, "equity")),
        Map.entry("IWM", entry("200.00", 0.06, 0.22, 1.0, "equity")),
        Map.entry("EFA", entry("75.00", 0.05, 0.16, 1.0, "equity")),
        Map.entry("VEA", entry("47.00", 0.05, 0.16, 1.0, "equity")),
        Map.entry("EEM", entry("40.00", 0.05, 0.21, 1.5, "equity")),
        Map.entry("VWO", entry("41.00", 0.05, 0.21, 1.5, "equity")),
        Map.entry("AGG", entry("97.00", 0.03, 0.06, 0.5, "bond")),
        Map.entry("BND", entry("72.00", 0.03, 0.06, 0.5, "bond")),
        Map.entry("TLT", entry("92.50", 0.03, 0.15, 0.5, "bond")),
        Map.entry("IEF", entry("94.00", 0.03, 0.08, 0.5, "bond")),
        Map.entry("SHY", entry("82.00", 0.03, 0.02, 0.5, "bond")),
        Map.entry("LQD", entry("108.00", 0.04, 0.09, 1.0, "bond")),
        Map.entry("HYG", entry("77.00", 0.05, 0.09, 1.0, "bond")),
        Map.entry("TIP", entry("107.00", 0.03, 0.06, 1.0, "bond")),
        Map.entry("GLD", entry("190.00", 0.04, 0.15, 0.5, "gold")),
        Map.entry("IAU", entry("39.00", 0.04, 0.15, 1.0, "gold")),
        Map.entry("SLV", entry("22.00", 0.03, 0.28, 1.0, "commodity")),
        Map.entry("DBC", entry("22.00", 0.03, 0.18, 2.0, "commodity")),
        Map.entry("GSG", entry("20.00", 0.03, 0.20, 2.0, "commodity")),
        Map.entry("VNQ", entry("85.00", 0.06, 0.21, 1.0, "real-estate")));

    /** The table above as the defaults a model file falls back on. */
    static final MarketDefaults BUILT_IN = new MarketDefaults(TABLE, DEFAULT, CLASSES, CLASS_CORRELATION);

    private MarketCatalogue() {
    }

    /** A market from the built-in table alone, with one model per instrument of the universe, in id order. */
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
        return BUILT_IN.model(universe, seed, startEpochNanos, tickIntervalNanos, startPrices);
    }

    /**
     * As {@link #model(InstrumentUniverse, long, long, long)}, with {@code configDir}'s
     * {@value MarketModelFile#FILE_NAME} over the built-in table when the folder holds one.
     *
     * @throws IllegalArgumentException when the file is wrong, naming it, the line and the fix
     */
    static MarketModel model(final Path configDir, final InstrumentUniverse universe, final long seed,
        final long startEpochNanos, final long tickIntervalNanos) {
        return model(configDir, universe, seed, startEpochNanos, tickIntervalNanos, new long[universe.size()]);
    }

    /**
     * As {@link #model(InstrumentUniverse, long, long, long, long[])}, with {@code configDir}'s
     * {@value MarketModelFile#FILE_NAME} over the built-in table when the folder holds one.
     *
     * @throws IllegalArgumentException when the file is wrong, naming it, the line and the fix
     */
    static MarketModel model(final Path configDir, final InstrumentUniverse universe, final long seed,
        final long startEpochNanos, final long tickIntervalNanos, final long[] startPrices) {
        final Path file = modelFile(configDir);
        if (!Files.exists(file)) {
            return model(universe, seed, startEpochNanos, tickIntervalNanos, startPrices);
        }
        return MarketModelFile.read(file).model(universe, BUILT_IN, seed, startEpochNanos, tickIntervalNanos,
            startPrices);
    }

    /** Where a configuration folder keeps its market model. */
    static Path modelFile(final Path configDir) {
        return configDir.resolve(MarketModelFile.FILE_NAME);
    }

    /** One row of the table, the price as text so it parses exactly. */
    private static InstrumentParameters entry(final String startPrice, final double annualDrift,
        final double annualVolatility, final double halfSpreadBps, final String assetClass) {
        return new InstrumentParameters(Fixed.parse(startPrice), annualDrift, annualVolatility, halfSpreadBps,
            assetClass);
    }
}
