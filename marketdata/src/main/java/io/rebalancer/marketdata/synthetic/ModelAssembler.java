package io.rebalancer.marketdata.synthetic;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts a market model file over its defaults for one universe: tells class correlation lines from pairwise ones,
 * checks every class is known, and builds the instrument models and the correlation matrix. Runs once at
 * start-up, so it favours plain code over speed.
 */
final class ModelAssembler {
    /** Each shrinking step keeps 90% of every off-diagonal entry, as the built-in catalogue always did. */
    private static final double SHRINK = 0.9;

    private final MarketModelFile file;
    private final MarketDefaults defaults;
    private final InstrumentUniverse universe;
    private final Set<String> classes = new LinkedHashSet<>();
    private final Map<String, Double> classCorrelation = new HashMap<>();
    private final Map<String, CorrelationLine> pairwise = new HashMap<>();

    ModelAssembler(final MarketModelFile file, final MarketDefaults defaults, final InstrumentUniverse universe) {
        this.file = file;
        this.defaults = defaults;
        this.universe = universe;
        classes.addAll(defaults.classes());
        for (final InstrumentLine line : file.instruments()) {
            if (line.assetClass() != null) {
                classes.add(line.assetClass());
            }
        }
        for (final CorrelationLine line : file.correlations()) {
            sort(line);
        }
        checkNewClasses();
    }

    MarketModel model(final long seed, final long startEpochNanos, final long tickIntervalNanos,
        final long[] startPrices) {
        final int n = universe.size();
        if (startPrices.length != n) {
            throw new IllegalArgumentException("one start price per instrument: " + n + ", not " + startPrices.length);
        }
        final List<InstrumentModel> models = new ArrayList<>(n);
        final String[] assetClasses = new String[n];
        for (int id = 0; id < n; id++) {
            final Instrument instrument = universe.get(id);
            final InstrumentLine line = file.instrument(instrument.symbol());
            final InstrumentParameters base = defaults.parameters(instrument.symbol());
            final InstrumentParameters parameters = line == null ? base : line.over(base);
            final long start = startPrices[id] > 0 ? startPrices[id] : startPrice(instrument, line, parameters);
            assetClasses[id] = parameters.assetClass();
            models.add(new InstrumentModel(id, start - start % instrument.tickSize(), instrument.tickSize(),
                parameters.annualDrift(), parameters.annualVolatility(), parameters.halfSpreadBps()));
        }
        return new MarketModel(models, correlation(assetClasses), seed, startEpochNanos, tickIntervalNanos);
    }

    /** A correlation line is about two classes or two symbols; which, is known only now. */
    private void sort(final CorrelationLine line) {
        final boolean firstIsClass = isClass(line, line.first());
        final boolean secondIsClass = isClass(line, line.second());
        if (firstIsClass != secondIsClass) {
            throw MarketModelFile.error(file.file(), line.line(), "correlation " + line.first() + ' ' + line.second()
                + " pairs a symbol with an asset class; pair two classes (correlation equity bond -0.20) or two "
                + "symbols (correlation SPY TLT -0.30)");
        }
        if (firstIsClass) {
            classCorrelation.put(line.pair(), line.value());
            return;
        }
        if (line.first().equals(line.second())) {
            throw MarketModelFile.error(file.file(), line.line(), "correlation " + line.first() + ' ' + line.second()
                + ": an instrument's correlation with itself is always 1; remove the line");
        }
        pairwise.put(line.pair(), line);
    }

    private boolean isClass(final CorrelationLine line, final String name) {
        final boolean isClass = classes.contains(name);
        final boolean isSymbol = universe.find(name) != null || file.describes(name);
        if (isClass && isSymbol) {
            throw MarketModelFile.error(file.file(), line.line(), name + " is both an asset class and a symbol; "
                + "rename the class");
        }
        if (!isClass && !isSymbol) {
            throw MarketModelFile.error(file.file(), line.line(), name + " is neither an asset class ("
                + String.join(", ", classes) + ") nor a symbol of instruments.csv or of this file; fix the name");
        }
        return isClass;
    }

    /**
     * A class the defaults do not know must be given a correlation line: that is what makes it a class, and so a
     * misspelt {@code class=equty} is caught instead of quietly correlating with nothing.
     */
    private void checkNewClasses() {
        final Set<String> correlated = new HashSet<>();
        for (final CorrelationLine line : file.correlations()) {
            if (classCorrelation.containsKey(line.pair())) {
                correlated.add(line.first());
                correlated.add(line.second());
            }
        }
        for (final InstrumentLine line : file.instruments()) {
            final String name = line.assetClass();
            if (name != null && !defaults.isClass(name) && !correlated.contains(name)) {
                throw MarketModelFile.error(file.file(), line.line(), "class " + name + " is not a known class ("
                    + String.join(", ", defaults.classes()) + "); fix the name, or define the class by giving its "
                    + "correlations, e.g. correlation " + name + ' ' + defaults.classes().get(0) + " 0.30 (0 for "
                    + "uncorrelated)");
            }
        }
    }

    private long startPrice(final Instrument instrument, final InstrumentLine line,
        final InstrumentParameters parameters) {
        final long start = parameters.startPrice();
        final String tick = Fixed.format(instrument.tickSize());
        if (line == null || line.startPrice() == null) {
            if (start < instrument.tickSize()) {
                throw new IllegalArgumentException(instrument.symbol() + " starts at " + Fixed.format(start)
                    + " by default, below one tick (" + tick + " in instruments.csv); give it a start in "
                    + MarketModelFile.FILE_NAME);
            }
            return start;
        }
        if (start < instrument.tickSize()) {
            throw MarketModelFile.error(file.file(), line.line(), "start=" + Fixed.format(start) + " is below one "
                + "tick of " + instrument.symbol() + " (" + tick + " in instruments.csv); raise it");
        }
        if (start > instrument.maxPrice()) {
            throw MarketModelFile.error(file.file(), line.line(), "start=" + Fixed.format(start) + " is above the "
                + "max-price of " + instrument.symbol() + " (" + Fixed.format(instrument.maxPrice())
                + " in instruments.csv), so the engine would refuse every tick; lower it");
        }
        return start;
    }

    private double[][] correlation(final String[] assetClasses) {
        final int n = assetClasses.length;
        final double[][] m = new double[n][n];
        final List<CorrelationLine> used = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    m[i][j] = 1.0;
                    continue;
                }
                final CorrelationLine line = pairwise.get(CorrelationLine.pair(universe.get(i).symbol(),
                    universe.get(j).symbol()));
                if (line != null && i < j) {
                    used.add(line);
                }
                m[i][j] = line != null ? line.value() : classCorrelation(assetClasses[i], assetClasses[j]);
            }
        }
        if (!used.isEmpty()) {
            if (Cholesky.decompose(m) == null) {
                used.sort(Comparator.comparingInt(CorrelationLine::line));
                throw MarketModelFile.error(file.file(), 0, "the correlation matrix of the " + n + " instruments of "
                    + "instruments.csv is not positive definite: no market can have all these correlations at once; "
                    + "lower the pairwise correlations at " + used.stream().map(CorrelationLine::describe)
                    .collect(Collectors.joining(", ")) + ", or the class correlations they combine with");
            }
            return m;
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

    private double classCorrelation(final String first, final String second) {
        final Double given = classCorrelation.get(CorrelationLine.pair(first, second));
        return given != null ? given : defaults.classCorrelation(first, second);
    }
}
