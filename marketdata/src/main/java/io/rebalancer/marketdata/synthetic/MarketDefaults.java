package io.rebalancer.marketdata.synthetic;

import io.rebalancer.engine.domain.InstrumentUniverse;

import java.util.List;
import java.util.Map;

/**
 * What a market model falls back on where its file says nothing (or when there is no file): parameters for the
 * symbols a caller knows, one set for every other symbol, and the correlations between asset classes. The daemon
 * builds one from its built-in catalogue of common ETFs.
 */
public final class MarketDefaults {
    private final Map<String, InstrumentParameters> instruments;
    private final InstrumentParameters otherwise;
    private final List<String> classes;
    private final double[][] classCorrelation;

    /**
     * @param instruments      parameters by symbol
     * @param otherwise        parameters of any symbol not in {@code instruments}
     * @param classes          the asset classes, in the order of {@code classCorrelation}'s rows; every class the
     *                         parameters name must be here
     * @param classCorrelation symmetric, entries in [-1, 1]: the correlation of two instruments of these classes
     *                         (the diagonal is that of two instruments of the same class)
     */
    public MarketDefaults(final Map<String, InstrumentParameters> instruments, final InstrumentParameters otherwise,
        final List<String> classes, final double[][] classCorrelation) {
        this.instruments = Map.copyOf(instruments);
        this.otherwise = otherwise;
        this.classes = List.copyOf(classes);
        final int n = classes.size();
        if (classCorrelation.length != n) {
            throw new IllegalArgumentException("class correlation must be " + n + " x " + n);
        }
        this.classCorrelation = new double[n][];
        for (int i = 0; i < n; i++) {
            if (classCorrelation[i].length != n) {
                throw new IllegalArgumentException("class correlation must be " + n + " x " + n);
            }
            this.classCorrelation[i] = classCorrelation[i].clone();
            for (int j = 0; j < n; j++) {
                final double v = classCorrelation[i][j];
                if (!(v >= -1 && v <= 1) || v != classCorrelation[j][i]) {
                    throw new IllegalArgumentException("class correlation must be symmetric with entries in [-1, 1]");
                }
            }
        }
        if (!isClass(otherwise.assetClass())) {
            throw new IllegalArgumentException("unknown asset class " + otherwise.assetClass());
        }
        for (final InstrumentParameters parameters : this.instruments.values()) {
            if (!isClass(parameters.assetClass())) {
                throw new IllegalArgumentException("unknown asset class " + parameters.assetClass());
            }
        }
    }

    /**
     * The model of every instrument of the universe from these defaults alone, in id order; shrinks the class
     * correlations to positive definite as {@link MarketModelFile#model} does.
     *
     * @param startPrices where each instrument starts, in micros, instead of its parameters' price where above 0
     *                    (a recovered run continues from the prices its engine last saw); one per instrument id
     */
    public MarketModel model(final InstrumentUniverse universe, final long seed, final long startEpochNanos,
        final long tickIntervalNanos, final long[] startPrices) {
        return new ModelAssembler(MarketModelFile.EMPTY, this, universe).model(seed, startEpochNanos,
            tickIntervalNanos, startPrices);
    }

    /** The parameters of {@code symbol}: its own, or the default. */
    InstrumentParameters parameters(final String symbol) {
        return instruments.getOrDefault(symbol, otherwise);
    }

    boolean isClass(final String name) {
        return classes.contains(name);
    }

    List<String> classes() {
        return classes;
    }

    /** The correlation of two classes; 0 when either is not one of these defaults' classes. */
    double classCorrelation(final String first, final String second) {
        final int i = classes.indexOf(first);
        final int j = classes.indexOf(second);
        return i < 0 || j < 0 ? 0.0 : classCorrelation[i][j];
    }
}
