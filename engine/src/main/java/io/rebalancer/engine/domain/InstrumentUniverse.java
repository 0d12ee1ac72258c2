package io.rebalancer.engine.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The instruments the engine knows, by dense id; symbol lookup is for configuration and the edges only. */
public final class InstrumentUniverse {
    private final Instrument[] byId;
    private final Map<String, Instrument> bySymbol = new HashMap<>();

    public InstrumentUniverse(final List<Instrument> instruments) {
        byId = new Instrument[instruments.size()];
        for (final Instrument instrument : instruments) {
            if (instrument.id() >= byId.length || byId[instrument.id()] != null) {
                throw new IllegalArgumentException("instrument ids must be dense and unique: " + instrument);
            }
            if (bySymbol.put(instrument.symbol(), instrument) != null) {
                throw new IllegalArgumentException("duplicate symbol " + instrument.symbol());
            }
            byId[instrument.id()] = instrument;
        }
    }

    public int size() {
        return byId.length;
    }

    public boolean isValidId(final int id) {
        return id >= 0 && id < byId.length;
    }

    public Instrument get(final int id) {
        return byId[id];
    }

    /** The instrument with this symbol, or null. */
    public Instrument find(final String symbol) {
        return bySymbol.get(symbol);
    }

    /** The dense id of the symbol, or -1. */
    public int idOf(final String symbol) {
        final Instrument instrument = bySymbol.get(symbol);
        return instrument == null ? -1 : instrument.id();
    }
}
