package io.rebalancer.marketdata.synthetic;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.pipeline.InboundEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class SyntheticMarketTest {
    private static final long START = 1_769_697_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    static MarketModel threeAssets(final long seed, final double volatility, final long intervalNanos) {
        return new MarketModel(List.of(
            new InstrumentModel(0, 478_000_000L, 10_000, 0.07, volatility, 1.0),
            new InstrumentModel(2, 92_500_000L, 10_000, 0.03, volatility * 0.8, 1.0),
            new InstrumentModel(1, 190_000_000L, 10_000, 0.04, volatility * 0.9, 2.0)),
            new double[][] {{1, -0.3, 0.05}, {-0.3, 1, 0.3}, {0.05, 0.3, 1}}, seed, START, intervalNanos);
    }

    /** Each tick as {time, instrument, bid, ask, last}. */
    private static List<long[]> record(final MarketModel model, final int ticks) {
        final TickTape tape = new TickTape();
        final SyntheticMarket market = new SyntheticMarket(model, tape.sink(), new LatestQuotes(3));
        final List<long[]> out = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            market.publishNext();
            final InboundEvent e = tape.latest();
            out.add(new long[] {e.timeNanos(), e.instrumentId(), e.bid(), e.ask(), e.last()});
        }
        return out;
    }

    @Test
    void shouldPublishTheSameTicksForTheSameSeed() {
        final List<long[]> first = record(threeAssets(42, 0.2, SECOND), 5_000);
        final List<long[]> second = record(threeAssets(42, 0.2, SECOND), 5_000);
        final List<long[]> other = record(threeAssets(43, 0.2, SECOND), 5_000);
        for (int i = 0; i < first.size(); i++) {
            assertTrue(java.util.Arrays.equals(first.get(i), second.get(i)), "tick " + i);
        }
        assertNotEquals(first.get(4_999)[2], other.get(4_999)[2]);
    }

    @Test
    void shouldStampTicksInSimulatedTimeAndPublishInstrumentsInModelOrder() {
        final List<long[]> ticks = record(threeAssets(7, 0.2, SECOND), 7);
        final int[] expectedIds = {0, 2, 1, 0, 2, 1, 0};
        for (int i = 0; i < ticks.size(); i++) {
            assertEquals(START + i * SECOND, ticks.get(i)[0]);
            assertEquals(expectedIds[i], ticks.get(i)[1]);
        }
        assertEquals(477_950_000L, ticks.get(0)[2], "first step publishes the start price less 1 bp, on tick");
        assertEquals(478_050_000L, ticks.get(0)[3]);
        assertEquals(478_000_000L, ticks.get(0)[4]);
    }

    @Test
    void shouldKeepPricesPositiveOnTickAndUncrossedEvenWhenWild() {
        final MarketModel wild = new MarketModel(List.of(
            new InstrumentModel(0, 50_000L, 10_000, -3.0, 4.0, 0.0),
            new InstrumentModel(1, 1_000_000L, 50_000, 2.0, 3.0, 1000.0)),
            new double[][] {{1, 0.9}, {0.9, 1}}, 99, START, 3_600 * SECOND);
        final TickTape tape = new TickTape();
        final LatestQuotes quotes = new LatestQuotes(2);
        final SyntheticMarket market = new SyntheticMarket(wild, tape.sink(), quotes);
        final long[] ticks = {10_000, 50_000};
        for (int i = 0; i < 200_000; i++) {
            market.publishNext();
            final InboundEvent e = tape.latest();
            final long tick = ticks[e.instrumentId()];
            assertTrue(e.bid() >= tick && e.bid() < e.ask() && e.last() >= e.bid() && e.last() <= e.ask(),
                "tick " + i + ": " + e.bid() + " / " + e.ask() + " last " + e.last());
            assertEquals(0, e.bid() % tick);
            assertEquals(0, e.ask() % tick);
            assertEquals(0, e.last() % tick);
            assertTrue(e.ask() <= Fixed.fromDouble(SyntheticMarket.MAX_MID) + tick);
            assertEquals(e.bid(), quotes.bid(e.instrumentId()));
            assertEquals(e.ask(), quotes.ask(e.instrumentId()));
            assertEquals(e.timeNanos(), quotes.timeNanos());
        }
    }

    @Test
    void shouldCountTicksBeforeATime() {
        final SyntheticMarket market = new SyntheticMarket(threeAssets(1, 0.2, SECOND), new TickTape().sink(),
            new LatestQuotes(3));
        assertEquals(0, market.ticksBefore(START));
        assertEquals(1, market.ticksBefore(START + 1));
        assertEquals(10, market.ticksBefore(START + 10 * SECOND));
        market.run(4);
        assertEquals(START + 3 * SECOND, market.lastTickTime());
        assertEquals(6, market.ticksBefore(START + 10 * SECOND));
        market.run(6);
        assertEquals(START + 10 * SECOND, market.nextTickTime());
        assertEquals(0, market.ticksBefore(START + 10 * SECOND));
    }

    @Test
    void shouldRefuseAnInvalidCorrelation() {
        assertThrows(IllegalArgumentException.class, () -> new MarketModel(
            List.of(new InstrumentModel(0, 1_000_000, 1, 0, 0.1, 1), new InstrumentModel(1, 1_000_000, 1, 0, 0.1, 1)),
            new double[][] {{1, 0.5}, {0.4, 1}}, 1, START, SECOND));
        assertThrows(IllegalArgumentException.class, () -> new MarketModel(List.of(
            new InstrumentModel(0, 1_000_000, 1, 0, 0.1, 1), new InstrumentModel(1, 1_000_000, 1, 0, 0.1, 1),
            new InstrumentModel(2, 1_000_000, 1, 0, 0.1, 1)),
            new double[][] {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}}, 1, START, SECOND));
    }
}
