package io.rebalancer.marketdata.synthetic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the lines of a market model file: the syntax, each value and duplicates. Whether a name is a class or a
 * symbol, and whether the correlations fit together, needs the caller's defaults and universe: that is
 * {@link ModelAssembler}'s part.
 */
final class ModelFileParser {
    static final String CORRELATION = "correlation";
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final String KEYS = "start, drift, volatility, half-spread and class";

    private final Path file;
    private final Map<String, InstrumentLine> instruments = new LinkedHashMap<>();
    private final List<CorrelationLine> correlations = new ArrayList<>();
    private final Map<String, CorrelationLine> pairs = new HashMap<>();

    private ModelFileParser(final Path file) {
        this.file = file;
    }

    static MarketModelFile parse(final Path file, final List<String> lines) {
        final ModelFileParser parser = new ModelFileParser(file);
        for (int i = 0; i < lines.size(); i++) {
            final String text = stripComment(lines.get(i)).strip();
            if (!text.isEmpty()) {
                parser.line(i + 1, text.split("\\s+"));
            }
        }
        return new MarketModelFile(file, parser.instruments, parser.correlations);
    }

    /** Drops a comment: {@code #} at the start of the line or after whitespace, as in the other .conf files. */
    static String stripComment(final String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private void line(final int line, final String[] words) {
        if (words[0].equals(CORRELATION)) {
            correlation(line, words);
        } else {
            instrument(line, words);
        }
    }

    private void correlation(final int line, final String[] words) {
        if (words.length != 4) {
            throw MarketModelFile.error(file, line, "a correlation line is 'correlation A B VALUE', two asset classes "
                + "or two symbols and a number from -1 to 1, e.g. correlation equity bond -0.20");
        }
        final CorrelationLine correlation = new CorrelationLine(line, words[1], words[2],
            new ModelValues(file, line).correlation(words[3]));
        final CorrelationLine earlier = pairs.putIfAbsent(correlation.pair(), correlation);
        if (earlier != null) {
            throw MarketModelFile.error(file, line, "the correlation of " + words[1] + " and " + words[2]
                + " is already given at line " + earlier.line() + "; keep one of the two lines");
        }
        correlations.add(correlation);
    }

    private void instrument(final int line, final String[] words) {
        final String symbol = words[0];
        if (symbol.indexOf('=') >= 0) {
            throw MarketModelFile.error(file, line, "the line starts with '" + symbol + "'; an instrument line starts "
                + "with its symbol (SPY start=478.00 ...), a correlation line with 'correlation'");
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            throw MarketModelFile.error(file, line, "'" + symbol + "' is not a symbol (letters, digits, '.', '-', '_', "
                + "'/'); fix it, or start the line with # to make it a comment");
        }
        final ModelValues values = new ModelValues(file, line);
        final Set<String> seen = new HashSet<>();
        Long start = null;
        Double drift = null;
        Double volatility = null;
        Double halfSpread = null;
        String assetClass = null;
        for (int i = 1; i < words.length; i++) {
            final int equals = words[i].indexOf('=');
            if (equals <= 0) {
                throw MarketModelFile.error(file, line, "'" + words[i] + "' is not key=value; write the fields as "
                    + "start=478.00 drift=7% volatility=17% half-spread=0.5bp class=equity, no spaces around =");
            }
            final String key = words[i].substring(0, equals);
            final String value = words[i].substring(equals + 1);
            if (!seen.add(key)) {
                throw MarketModelFile.error(file, line, key + " is given twice; keep one");
            }
            if (value.isEmpty()) {
                throw MarketModelFile.error(file, line, key + " has no value; write it with no spaces around =, "
                    + "e.g. drift=7%");
            }
            switch (key) {
                case "start" -> start = values.startPrice(value);
                case "drift" -> drift = values.drift(value);
                case "volatility" -> volatility = values.volatility(value);
                case "half-spread" -> halfSpread = values.halfSpreadBps(value);
                case "class" -> assetClass = values.assetClass(value);
                default -> throw MarketModelFile.error(file, line, "unknown key '" + key + "'; the keys are " + KEYS);
            }
        }
        final InstrumentLine parsed = new InstrumentLine(line, symbol, start, drift, volatility, halfSpread,
            assetClass);
        final InstrumentLine earlier = instruments.putIfAbsent(symbol, parsed);
        if (earlier != null) {
            throw MarketModelFile.error(file, line, symbol + " is already described at line " + earlier.line()
                + "; merge the two lines into one");
        }
    }
}
