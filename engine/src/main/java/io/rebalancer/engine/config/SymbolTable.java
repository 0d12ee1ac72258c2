package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.InstrumentUniverse;

import java.nio.file.Path;
import java.util.List;

/**
 * The loaded instruments plus where they came from, so that every file that names a symbol can report an unknown
 * one with the path of instruments.csv and the closest known symbol.
 */
final class SymbolTable {
    private final InstrumentUniverse universe;
    private final Path file;
    private final List<String> symbols;

    SymbolTable(final InstrumentUniverse universe, final Path file, final List<String> symbols) {
        this.universe = universe;
        this.file = file;
        this.symbols = List.copyOf(symbols);
    }

    InstrumentUniverse universe() {
        return universe;
    }

    /** The dense id of {@code symbol}, which {@code where} names; an unknown symbol is an error located there. */
    int idOf(final SourceValue where, final String symbol) throws ConfigException {
        final int id = universe.idOf(symbol);
        if (id < 0) {
            final String closest = Suggestions.closest(symbol, symbols);
            throw where.error("unknown symbol " + symbol + " (not in " + file + "); "
                + (closest == null ? "add it there or fix the spelling" : "did you mean " + closest + "?"));
        }
        return id;
    }
}
