package io.rebalancer.marketdata.csv;

import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;

import java.util.ArrayList;
import java.util.List;

/** Universes for tests: ids in the order given, a one-micro tick, no price ceiling worth the name. */
final class Universes {
    private Universes() {
    }

    static InstrumentUniverse of(final String... symbols) {
        return of(List.of(symbols));
    }

    static InstrumentUniverse of(final List<String> symbols) {
        final List<Instrument> instruments = new ArrayList<>(symbols.size());
        for (final String symbol : symbols) {
            instruments.add(new Instrument(instruments.size(), symbol, 1, 1, Long.MAX_VALUE));
        }
        return new InstrumentUniverse(instruments);
    }
}
