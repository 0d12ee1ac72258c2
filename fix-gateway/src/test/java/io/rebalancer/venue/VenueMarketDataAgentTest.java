package io.rebalancer.venue;

import io.rebalancer.engine.domain.Fixed;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-off from the market to the market-data agent, without sessions: conflation and numbering. */
class VenueMarketDataAgentTest {
    private final VenueQuoteBoard board = new VenueQuoteBoard(2);
    private final VenueMarketDataCounters counters = new VenueMarketDataCounters();
    private final VenueMarketDataAgent agent = new VenueMarketDataAgent(new ConcurrentLinkedQueue<>(), board,
        new String[] {"SPY", "TLT"}, counters);

    @Test
    void shouldKeepOnlyTheLatestQuoteOfEachInstrumentUntilTheAgentTakesIt() {
        board.publish(0, 1, Fixed.parse("100"), Fixed.parse("100.02"), Fixed.parse("100.01"), 0);
        board.publish(0, 2, Fixed.parse("100.01"), Fixed.parse("100.03"), Fixed.parse("100.02"), 5);
        final long[] quote = new long[VenueQuoteBoard.QUOTE_FIELDS];
        assertEquals(4, board.read(0, quote), "two quotes, two versions each");
        assertArrayEquals(new long[] {2, Fixed.parse("100.01"), Fixed.parse("100.03"), Fixed.parse("100.02"), 5},
            quote);
        assertEquals(0, board.version(1));
    }

    @Test
    void shouldNumberEachTakenChangeOnceAndCountWhatTheBoardConflated() {
        board.publish(0, 1, Fixed.parse("100"), Fixed.parse("100.02"), Fixed.parse("100.01"), 0);
        board.publish(0, 2, Fixed.parse("100.01"), Fixed.parse("100.03"), Fixed.parse("100.02"), 0);
        board.publish(0, 3, Fixed.parse("100.02"), Fixed.parse("100.04"), Fixed.parse("100.03"), 0);
        assertEquals(1, agent.doWork());
        assertEquals(1, agent.rptSeq(0), "three quotes taken as one update");
        assertEquals(2, counters.get(VenueMarketDataCounters.CONFLATED));
        assertEquals(0, agent.doWork(), "nothing new");

        board.publish(0, 4, Fixed.parse("100.02"), Fixed.parse("100.04"), Fixed.parse("100.03"), 0);
        assertEquals(1, agent.doWork());
        assertEquals(1, agent.rptSeq(0), "a new time with the same prices is not an update");

        board.publish(0, 5, Fixed.parse("100.02"), Fixed.parse("100.05"), Fixed.parse("100.03"), 0);
        agent.doWork();
        assertEquals(2, agent.rptSeq(0));
        assertEquals(0, agent.rptSeq(1));
        assertEquals(2, counters.get(VenueMarketDataCounters.UPDATES));
    }
}
