package io.rebalancer.marketdata.edge;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.marketdata.TickSink;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TickGateTest {
    private static final long P100 = 100_000_000L;
    private static final long P101 = 101_000_000L;
    private static final long P150 = 150_000_000L;
    private static final long P151 = 151_000_000L;
    private static final long NONE = TickSink.NO_SEQUENCE;

    private final CapturedTicks passed = new CapturedTicks();
    private final FeedFaults faults = new FeedFaults();
    /** A 25% jump limit over three instruments. */
    private final TickGate gate = new TickGate(3, 250_000, passed, faults);

    private void quote(final long time, final int id, final long bid, final long ask, final long sequence) {
        gate.onTick(time, id, bid, ask, 0, 0, sequence);
    }

    private void assertOnly(final TickFault kind, final long count) {
        final Map<TickFault, Long> expected = new EnumMap<>(TickFault.class);
        final Map<TickFault, Long> actual = new EnumMap<>(TickFault.class);
        for (final TickFault k : TickFault.values()) {
            expected.put(k, k == kind ? count : 0L);
            actual.put(k, faults.count(k));
        }
        assertEquals(expected, actual);
    }

    @Test
    void shouldPassAGoodQuoteUntouched() {
        gate.onTick(5, 1, P100, P101, P100, 300, 1);
        assertEquals(new CapturedTicks.Tick(5, 1, P100, P101, P100, 300, 1), passed.last());
        assertEquals(1, gate.accepted());
        assertEquals(0, faults.refused());
    }

    @Test
    void shouldPassALastOnlyTick() {
        gate.onTick(5, 0, 0, 0, P100, 0, NONE);
        assertEquals(1, passed.ticks.size());
    }

    @Test
    void shouldRefuseNotANumber() {
        gate.onTick(5, 0, Fixed.INVALID, P101, 0, 0, NONE);
        gate.onTick(6, 0, P100, P101, Fixed.INVALID, 0, NONE);
        assertTrue(passed.ticks.isEmpty());
        assertOnly(TickFault.NOT_A_NUMBER, 2);
    }

    @Test
    void shouldRefuseZeroAndNegativePrices() {
        gate.onTick(5, 0, -1, P101, 0, 0, NONE);
        gate.onTick(6, 0, 0, 0, 0, 0, NONE);
        gate.onTick(7, 0, 0, P101, 0, 0, NONE);
        gate.onTick(8, 0, 0, 0, -P100, 0, NONE);
        assertTrue(passed.ticks.isEmpty());
        assertOnly(TickFault.NON_POSITIVE_PRICE, 4);
    }

    @Test
    void shouldRefuseCrossedAndLockedQuotes() {
        quote(5, 0, P101, P100, NONE);
        assertOnly(TickFault.CROSSED_QUOTE, 1);
        quote(6, 0, P100, P100, NONE);
        assertEquals(1, faults.count(TickFault.LOCKED_QUOTE));
        assertTrue(passed.ticks.isEmpty());
    }

    @Test
    void shouldRefuseTimeGoingBackwardsPerInstrument() {
        quote(10, 0, P100, P101, NONE);
        quote(9, 1, P100, P101, NONE);
        quote(9, 0, P100, P101 + 1, NONE);
        assertEquals(2, passed.ticks.size());
        assertOnly(TickFault.TIME_BACKWARDS, 1);
        quote(10, 0, P100 + 1, P101, NONE);
        assertEquals(3, passed.ticks.size(), "the same time again is not backwards");
    }

    @Test
    void shouldRefuseUnknownInstrumentsAndSymbols() {
        quote(5, 3, P100, P101, NONE);
        quote(5, -1, P100, P101, NONE);
        gate.onUnknownSymbol(6, "ZZZZ");
        assertTrue(passed.ticks.isEmpty());
        assertOnly(TickFault.UNKNOWN_SYMBOL, 3);
        assertTrue(faults.sample(TickFault.UNKNOWN_SYMBOL, id -> "S" + id).startsWith("ZZZZ at "),
            faults.sample(TickFault.UNKNOWN_SYMBOL, id -> "S" + id));
    }

    @Test
    void shouldRefuseSequenceNumbersAlreadySeenAndCountGaps() {
        quote(1, 0, P100, P101, 1);
        quote(2, 0, P100, P101, 2);
        quote(2, 0, P100, P101, 2);
        quote(3, 0, P100, P101, 1);
        assertOnly(TickFault.DUPLICATE, 2);
        quote(4, 0, P100, P101, 5);
        assertEquals(1, faults.count(TickFault.GAP));
        assertEquals(3, passed.ticks.size(), "a gap is counted, the tick after it is used");
        assertEquals(2, faults.refused(), "a gap refuses nothing");
        quote(5, 1, P100, P101, 7);
        assertEquals(1, faults.count(TickFault.GAP), "an instrument's first number is no gap");
    }

    @Test
    void shouldNumberEachInstrumentOnItsOwn() {
        quote(1, 0, P100, P101, 1);
        quote(1, 1, P100, P101, 1);
        quote(2, 0, P100, P101, 2);
        quote(2, 1, P100, P101, 2);
        assertEquals(4, passed.ticks.size());
        assertEquals(0, faults.count(TickFault.DUPLICATE) + faults.count(TickFault.GAP));
    }

    @Test
    void shouldRefuseAnUnnumberedTickIdenticalToTheLast() {
        quote(1, 0, P100, P101, NONE);
        quote(1, 0, P100, P101, NONE);
        quote(2, 0, P100, P101, NONE);
        quote(1, 0, P100, P101, NONE);
        assertEquals(2, passed.ticks.size());
        assertEquals(1, faults.count(TickFault.DUPLICATE));
        assertEquals(1, faults.count(TickFault.TIME_BACKWARDS), "an older repeat is not the last one: backwards");
    }

    @Test
    void shouldHoldAJumpAndDropItWhenTheNextTickReturns() {
        quote(1, 0, P100, P101, NONE);
        quote(2, 0, P150, P151, NONE);
        assertEquals(1, passed.ticks.size());
        assertTrue(gate.isHeld(0));
        assertOnly(TickFault.JUMP, 1);
        quote(3, 0, P100 + 10_000, P101, NONE);
        assertFalse(gate.isHeld(0));
        assertEquals(2, passed.ticks.size());
        assertEquals(P100 + 10_000, passed.last().bid());
        assertEquals(1, gate.discarded());
    }

    @Test
    void shouldPassTheNextTickWhenItConfirmsAJump() {
        quote(1, 0, P100, P101, NONE);
        quote(2, 0, P150, P151, NONE);
        quote(3, 0, P150 + 10_000, P151, NONE);
        assertEquals(2, passed.ticks.size());
        assertEquals(P150 + 10_000, passed.last().bid(), "the confirming tick goes on, not the held one");
        assertEquals(1, gate.confirmed());
        quote(4, 0, P150, P151, NONE);
        assertEquals(3, passed.ticks.size(), "the new level is the reference now");
    }

    @Test
    void shouldHoldAJumpFromTheHeldPriceInstead() {
        quote(1, 0, P100, P101, NONE);
        quote(2, 0, P150, P151, NONE);
        quote(3, 0, 10 * P100, 10 * P101, NONE);
        assertTrue(gate.isHeld(0));
        assertEquals(2, faults.count(TickFault.JUMP));
        assertEquals(1, gate.discarded());
        quote(4, 0, 10 * P100, 10 * P101 + 10_000, NONE);
        assertEquals(10 * P100, passed.last().bid());
    }

    @Test
    void shouldKeepAHoldThroughBadTicks() {
        quote(1, 0, P100, P101, NONE);
        quote(2, 0, P150, P151, NONE);
        quote(3, 0, Fixed.INVALID, P151, NONE);
        assertTrue(gate.isHeld(0));
        quote(4, 0, P150, P151 + 10_000, NONE);
        assertEquals(P150, passed.last().bid());
    }

    @Test
    void shouldReleaseAHeldTickWhenTheOperatorSays() {
        quote(1, 0, P100, P101, NONE);
        quote(2, 0, P150, P151, 0);
        gate.requestRelease(0);
        gate.requestRelease(1);
        gate.poll();
        assertEquals(new CapturedTicks.Tick(2, 0, P150, P151, 0, 0, NONE), passed.last());
        assertEquals(1, gate.released());
        assertFalse(gate.isHeld(0));
        assertEquals(2, passed.ticks.size(), "nothing held for instrument 1: nothing sent");
    }

    @Test
    void shouldMeasureAOneSidedTickOnItsLastPrice() {
        gate.onTick(1, 0, 0, 0, P100, 0, NONE);
        gate.onTick(2, 0, 0, 0, P150, 0, NONE);
        assertEquals(1, faults.count(TickFault.JUMP));
    }

    @Test
    void shouldTurnTheJumpCheckOffWithALimitOfZero() {
        final TickGate open = new TickGate(1, 0, passed, faults);
        open.onTick(1, 0, P100, P101, 0, 0, NONE);
        open.onTick(2, 0, 10 * P100, 10 * P101, 0, 0, NONE);
        assertEquals(2, passed.ticks.size());
    }

    @Test
    void shouldKeepTheLatestSampleOfEachKind() {
        assertNull(faults.sample(TickFault.CROSSED_QUOTE, id -> "S" + id));
        quote(1_000_000_000L, 2, P101, P100, 9);
        assertEquals("S2 at 1970-01-01T00:00:01Z bid 101.00 ask 100.00 last 0.00 seq 9",
            faults.sample(TickFault.CROSSED_QUOTE, id -> "S" + id));
        gate.onTick(2_000_000_000L, 1, Fixed.INVALID, P100, 0, 0, NONE);
        assertEquals("S1 at 1970-01-01T00:00:02Z bid NaN ask 100.00 last 0.00",
            faults.sample(TickFault.NOT_A_NUMBER, id -> "S" + id));
    }

    @Test
    void shouldHoldAWildAskBesideASaneLast() {
        gate.onTick(1, 0, P100, P101, P100, 0, NONE);
        gate.onTick(2, 0, 0, 10 * P101, P100, 0, NONE);
        assertEquals(1, faults.count(TickFault.JUMP), "measured on the last alone it would pass; the ask does not");
        assertEquals(1, passed.ticks.size());
    }

    @Test
    void shouldHoldAQuoteWhoseMidStaysWhileOneSideRunsAway() {
        quote(1, 0, P100, P101, NONE);
        quote(2, 0, 1, P101 + P100 - 1, NONE);
        assertEquals(1, faults.count(TickFault.JUMP));
        assertTrue(gate.isHeld(0));
    }

    @Test
    void shouldHoldATickDatedFarAheadSoItCannotBlockTheRealOnes() {
        final long day = 86_400_000_000_000L;
        quote(day, 0, P100, P101, NONE);
        quote(100 * 365 * day, 0, P100, P101 + 1, NONE);
        assertEquals(1, faults.count(TickFault.TIME_LEAP));
        assertEquals(1, passed.ticks.size());
        quote(2 * day, 0, P100 + 1, P101, NONE);
        assertEquals(2, passed.ticks.size(), "the next real tick shows the leap was bad, and goes on");
        assertEquals(0, faults.count(TickFault.TIME_BACKWARDS));
        quote(20 * day, 0, P100, P101, NONE);
        quote(20 * day + 1, 0, P100, P101 + 1, NONE);
        assertEquals(3, passed.ticks.size(), "a real leap is confirmed by the tick after it");
        assertEquals(1, gate.confirmed());
    }

    @Test
    void shouldJudgeTheFirstTickAgainstASeededPrice() {
        gate.seed(0, P100, 1);
        gate.seed(1, 0, 1);
        quote(2, 0, 10 * P100, 10 * P101, NONE);
        quote(2, 1, 10 * P100, 10 * P101, NONE);
        assertTrue(gate.isHeld(0), "held against the recovered price");
        assertEquals(1, passed.ticks.size(), "no seed for instrument 1: its first tick is taken");
        quote(0, 0, P100, P101, NONE);
        assertEquals(1, faults.count(TickFault.TIME_BACKWARDS), "and the recovered time counts too");
    }

    @Test
    void shouldNotLetOneCorruptSequenceNumberMakeEveryRealTickADuplicate() {
        quote(1, 0, P100, P101, 7);
        quote(2, 0, P100 + 1, P101, 99_999_999);
        quote(3, 0, P100 + 2, P101, 8);
        quote(4, 0, P100 + 3, P101, 9);
        assertEquals(4, passed.ticks.size(), "the corrupt number's tick is judged on its prices; the real ones go on");
        assertEquals(0, faults.count(TickFault.DUPLICATE));
        assertEquals(1, faults.count(TickFault.GAP));
        quote(5, 0, P100 + 4, P101, 5_000_009);
        quote(6, 0, P100 + 5, P101, 5_000_010);
        quote(7, 0, P100 + 6, P101, 10);
        assertEquals(1, faults.count(TickFault.DUPLICATE), "a real skip is followed on from: the numbering moved");
    }
}
