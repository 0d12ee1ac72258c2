package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads instruments.csv: a header line {@code symbol,tick-size,lot-size,max-price}, then one instrument per
 * line. Fields are trimmed; blank lines and lines starting with {@code #} are skipped. Ids are assigned densely
 * in file order, so the first instrument is id 0.
 */
final class InstrumentsLoader {
    /** The header line, exactly (apart from spaces and case). */
    static final String HEADER = "symbol,tick-size,lot-size,max-price";

    private static final int COLUMNS = 4;
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._/-]+");

    private InstrumentsLoader() {
    }

    static SymbolTable load(final Path file) throws ConfigException {
        final List<String> lines = ConfigFiles.readLines(file, "it lists the instruments: a header line " + HEADER
            + ", then one instrument per line");
        final List<Instrument> instruments = new ArrayList<>();
        final List<String> symbols = new ArrayList<>();
        final Map<String, Integer> firstLine = new HashMap<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            final int line = i + 1;
            final String text = lines.get(i).strip();
            if (text.isEmpty() || text.charAt(0) == '#') {
                continue;
            }
            final String[] fields = text.split(",", -1);
            for (int f = 0; f < fields.length; f++) {
                fields[f] = fields[f].strip();
            }
            if (!headerSeen) {
                requireHeader(file, line, fields);
                headerSeen = true;
                continue;
            }
            if (fields.length != COLUMNS) {
                throw new ConfigException(file, line, "has " + fields.length + (fields.length == 1 ? " field"
                    : " fields") + "; each instrument line needs " + COLUMNS + ": " + HEADER);
            }
            final Instrument instrument = instrument(file, line, instruments.size(), fields);
            final Integer first = firstLine.putIfAbsent(instrument.symbol(), line);
            if (first != null) {
                throw new ConfigException(file, line, instrument.symbol() + ": listed twice (first on line " + first
                    + "); keep one line per symbol");
            }
            instruments.add(instrument);
            symbols.add(instrument.symbol());
        }
        if (instruments.isEmpty()) {
            throw new ConfigException(file, 0, "lists no instruments; after the header line " + HEADER
                + " add one line per instrument, e.g. SPY,0.01,1,100000");
        }
        final InstrumentUniverse universe = ConfigException.guard(file, 0, () -> new InstrumentUniverse(instruments));
        return new SymbolTable(universe, file, symbols);
    }

    private static void requireHeader(final Path file, final int line, final String[] fields)
        throws ConfigException {
        final String found = String.join(",", fields).toLowerCase(Locale.ROOT);
        if (!found.equals(HEADER)) {
            throw new ConfigException(file, line, "the first line must be the header " + HEADER + " (found \""
                + String.join(",", fields) + "\")");
        }
    }

    private static Instrument instrument(final Path file, final int line, final int id, final String[] fields)
        throws ConfigException {
        final String symbol = fields[0];
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new ConfigException(file, line, "symbol \"" + symbol + "\" must be letters, digits, '.', '-', '_' "
                + "or '/', with no spaces");
        }
        final long tickSize = Values.positiveAmount(new CsvField(file, line, symbol + " tick-size", fields[1]));
        final long lotSize = Values.integer(new CsvField(file, line, symbol + " lot-size", fields[2]), 1,
            Long.MAX_VALUE);
        final long maxPrice = Values.positiveAmount(new CsvField(file, line, symbol + " max-price", fields[3]));
        return ConfigException.guard(file, line, () -> new Instrument(id, symbol, tickSize, lotSize, maxPrice));
    }
}
