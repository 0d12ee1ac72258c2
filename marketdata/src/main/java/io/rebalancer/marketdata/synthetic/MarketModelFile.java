package io.rebalancer.marketdata.synthetic;

import io.rebalancer.engine.domain.InstrumentUniverse;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A market model file: the synthetic market's start price, drift, volatility, half-spread and asset class per
 * symbol, and the correlations between classes and between symbols. It overrides a caller's
 * {@link MarketDefaults}: what it leaves out keeps the default. The format (see config/README.md):
 * <pre>
 * # a comment
 * SPY start=478.00 drift=7% volatility=17% half-spread=0.5bp class=equity
 * correlation equity bond -0.20
 * correlation SPY TLT -0.30
 * </pre>
 * The file may describe symbols the universe does not hold (a catalogue serves many universes); those lines are
 * checked all the same and then not used. Every problem is an {@link IllegalArgumentException} whose message is
 * {@code file:line: what is wrong; how to fix it}.
 */
public final class MarketModelFile {
    /** The file's name in a configuration folder. */
    public static final String FILE_NAME = "market-model.conf";
    /** No file: every value is a default. */
    static final MarketModelFile EMPTY = new MarketModelFile(null, Map.of(), List.of());

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path file;
    private final Map<String, InstrumentLine> instruments;
    private final List<CorrelationLine> correlations;

    MarketModelFile(final Path file, final Map<String, InstrumentLine> instruments,
        final List<CorrelationLine> correlations) {
        this.file = file;
        this.instruments = instruments;
        this.correlations = List.copyOf(correlations);
    }

    /**
     * Reads and checks the file's syntax and values; what depends on the universe is checked by
     * {@link #model}.
     *
     * @throws IllegalArgumentException when the file cannot be read or a line is wrong, saying which and why
     */
    public static MarketModelFile read(final Path file) {
        final List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (final NoSuchFileException ex) {
            throw new IllegalArgumentException(file + ": file not found; create it (see config/README.md) or "
                + "remove it from the command line", ex);
        } catch (final CharacterCodingException ex) {
            throw new IllegalArgumentException(file + ": not UTF-8 text; save it as UTF-8", ex);
        } catch (final IOException ex) {
            throw new IllegalArgumentException(file + ": cannot be read: " + ex, ex);
        }
        if (!lines.isEmpty() && !lines.get(0).isEmpty() && lines.get(0).charAt(0) == BYTE_ORDER_MARK) {
            lines.set(0, lines.get(0).substring(1));
        }
        return ModelFileParser.parse(file, lines);
    }

    /**
     * The market of every instrument of the universe, in id order: each takes the file's line for its symbol
     * over the default's parameters, its start rounded down to its tick. Two instruments correlate as the file's
     * pairwise line says, else as their classes do (the file's class line, else the default's).
     * <p>
     * A matrix from class correlations alone is shrunk (every off-diagonal entry by 10% at a time) until it is
     * positive definite, so any universe works. One with a pairwise correlation is refused instead: those were
     * chosen one by one and must not silently change.
     *
     * @param startPrices where each instrument starts, in micros, instead of the file's or default's price where
     *                    above 0 (a recovered run continues from the prices its engine last saw); one per id
     * @throws IllegalArgumentException naming the file and line, when a name is neither a class nor a symbol, a
     *                                  class is unknown, a start price does not fit the instrument, or the pairwise
     *                                  correlations are not positive definite
     */
    public MarketModel model(final InstrumentUniverse universe, final MarketDefaults defaults, final long seed,
        final long startEpochNanos, final long tickIntervalNanos, final long[] startPrices) {
        return new ModelAssembler(this, defaults, universe).model(seed, startEpochNanos, tickIntervalNanos,
            startPrices);
    }

    /** The file read, or null for no file. */
    public Path file() {
        return file;
    }

    /** The line for {@code symbol}, or null. */
    InstrumentLine instrument(final String symbol) {
        return instruments.get(symbol);
    }

    boolean describes(final String symbol) {
        return instruments.containsKey(symbol);
    }

    Collection<InstrumentLine> instruments() {
        return instruments.values();
    }

    List<CorrelationLine> correlations() {
        return correlations;
    }

    /** A problem at a line of the file: {@code file:line: detail}, or {@code file: detail} when line is 0. */
    static IllegalArgumentException error(final Path file, final int line, final String detail) {
        return new IllegalArgumentException(file + (line > 0 ? ":" + line : "") + ": " + detail);
    }
}
