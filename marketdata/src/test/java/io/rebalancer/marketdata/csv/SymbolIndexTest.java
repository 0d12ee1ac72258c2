package io.rebalancer.marketdata.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SymbolIndexTest {
    private static int idOf(final SymbolIndex index, final String symbol) {
        final byte[] bytes = ("ab," + symbol + ",cd").getBytes(StandardCharsets.UTF_8);
        return index.idOf(bytes, 3, bytes.length - 3);
    }

    @Test
    void shouldFindEveryConfiguredSymbolAtItsId() {
        final List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            symbols.add("S" + Integer.toString(i, 36).toUpperCase());
        }
        symbols.add("BRK.B");
        symbols.add("X");
        final SymbolIndex index = new SymbolIndex(Universes.of(symbols));
        for (int id = 0; id < symbols.size(); id++) {
            assertEquals(id, idOf(index, symbols.get(id)), symbols.get(id));
        }
    }

    @Test
    void shouldNotKnowOtherSymbols() {
        final SymbolIndex index = new SymbolIndex(Universes.of("SPY", "TLT", "IEI"));
        assertEquals(0, idOf(index, "SPY"));
        assertEquals(2, idOf(index, "IEI"));
        assertEquals(-1, idOf(index, "SP"));
        assertEquals(-1, idOf(index, "SPYX"));
        assertEquals(-1, idOf(index, "spy"));
        assertEquals(-1, idOf(index, ""));
        assertEquals(-1, idOf(index, "GLD"));
    }

    @Test
    void shouldKnowNothingInAnEmptyUniverse() {
        assertEquals(-1, idOf(new SymbolIndex(Universes.of()), "SPY"));
        assertEquals(0, idOf(new SymbolIndex(Universes.of("SPY")), "SPY"));
    }
}
