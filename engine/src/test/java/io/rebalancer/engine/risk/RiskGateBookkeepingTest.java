package io.rebalancer.engine.risk;

import static io.rebalancer.engine.risk.RiskFixtures.DAY;
import static io.rebalancer.engine.risk.RiskFixtures.MAX_QUANTITY;
import static io.rebalancer.engine.risk.RiskFixtures.PRICE;
import static io.rebalancer.engine.risk.RiskFixtures.RESTRICTED;
import static io.rebalancer.engine.risk.RiskFixtures.SECOND;
import static io.rebalancer.engine.risk.RiskFixtures.T0;
import static io.rebalancer.engine.risk.RiskFixtures.TRADABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Per-verdict counters, and that a rejected order leaves the rate window and the daily notional alone. */
final class RiskGateBookkeepingTest {
    private final RiskGate gate = RiskFixtures.gate();

    @Test
    void shouldStartWithEveryCounterAtZero() {
        for (final RiskVerdict verdict : RiskVerdict.values()) {
            assertEquals(0, gate.count(verdict), verdict.name());
        }
        assertEquals(0, gate.count(null));
    }

    @Test
    void shouldCountHowManyChecksEndedWithEachVerdict() {
        final Map<RiskVerdict, Long> expected = new EnumMap<>(RiskVerdict.class);
        for (final RiskVerdict verdict : RiskVerdict.values()) {
            expected.put(verdict, 0L);
        }
        final List<RiskVerdict> seen = new ArrayList<>();
        seen.add(gate.check(T0, TRADABLE, Side.BUY, MAX_QUANTITY, PRICE, PRICE));
        seen.add(gate.check(T0, TRADABLE, Side.BUY, MAX_QUANTITY, PRICE, PRICE));
        seen.add(gate.check(T0, TRADABLE, Side.BUY, 0, PRICE, PRICE));
        seen.add(gate.check(T0, RESTRICTED, Side.BUY, 1, PRICE, PRICE));
        seen.add(gate.check(T0, TRADABLE, Side.BUY, MAX_QUANTITY + 1, PRICE, PRICE));
        seen.add(gate.check(T0, TRADABLE, Side.BUY, 1, 2 * PRICE, PRICE));
        seen.add(gate.check(T0, TRADABLE, Side.BUY, MAX_QUANTITY / 2, PRICE, PRICE));
        seen.add(gate.check(T0, TRADABLE, Side.BUY, 1, PRICE, PRICE));
        seen.add(gate.check(T0 + SECOND, TRADABLE, Side.BUY, MAX_QUANTITY, PRICE, PRICE));
        gate.tradingState(TradingState.REDUCING);
        seen.add(gate.check(T0, TRADABLE, Side.BUY, 1, PRICE, PRICE));
        gate.tradingState(TradingState.HALTED);
        seen.add(gate.check(T0, TRADABLE, Side.SELL, 1, PRICE, PRICE));
        seen.add(gate.check(T0, TRADABLE, Side.SELL, 1, PRICE, PRICE));
        assertEquals(List.of(RiskVerdict.ACCEPTED, RiskVerdict.ACCEPTED, RiskVerdict.INVALID_ORDER,
            RiskVerdict.RESTRICTED, RiskVerdict.MAX_QUANTITY, RiskVerdict.PRICE_COLLAR, RiskVerdict.ACCEPTED,
            RiskVerdict.RATE_LIMIT, RiskVerdict.DAILY_NOTIONAL, RiskVerdict.REDUCING_ONLY, RiskVerdict.HALTED,
            RiskVerdict.HALTED), seen);
        for (final RiskVerdict verdict : seen) {
            expected.merge(verdict, 1L, Long::sum);
        }
        for (final RiskVerdict verdict : RiskVerdict.values()) {
            assertEquals(expected.get(verdict), gate.count(verdict), verdict.name());
        }
    }

    @Test
    void shouldCountMaxNotionalRejections() {
        final RiskGate small = RiskFixtures.limits().maxNotional(PRICE).gate();
        small.check(T0, TRADABLE, Side.BUY, 2, PRICE, PRICE);
        small.check(T0, TRADABLE, Side.BUY, 3, PRICE, PRICE);
        assertEquals(2, small.count(RiskVerdict.MAX_NOTIONAL));
        assertEquals(0, small.count(RiskVerdict.ACCEPTED));
    }

    @Test
    void shouldLeaveTheRateWindowAndDailyNotionalUnchangedByRejectedOrders() {
        final RiskGate clean = RiskFixtures.gate();
        for (final RiskGate target : new RiskGate[] {gate, clean}) {
            assertEquals(RiskVerdict.ACCEPTED, target.check(T0, TRADABLE, Side.BUY, MAX_QUANTITY, PRICE, PRICE));
            assertEquals(RiskVerdict.ACCEPTED, target.check(T0, TRADABLE, Side.BUY, MAX_QUANTITY, PRICE, PRICE));
        }
        rejectInEveryWay(gate, T0 + SECOND / 2);
        assertEquals(RiskVerdict.DAILY_NOTIONAL,
            gate.check(T0 + SECOND / 2, TRADABLE, Side.BUY, MAX_QUANTITY, PRICE, PRICE));
        rejectInEveryWay(gate, T0 + DAY);
        assertEquals(clean.dailyNotional(), gate.dailyNotional());
        assertEquals(TradingState.ACTIVE, gate.tradingState());
        final long[] probeTimes = {T0, T0 + SECOND / 2, T0 + SECOND - 1, T0 + SECOND, T0 + 2 * SECOND, T0 + DAY};
        for (final long time : probeTimes) {
            for (final long quantity : new long[] {MAX_QUANTITY / 2, MAX_QUANTITY, 1}) {
                assertEquals(clean.check(time, TRADABLE, Side.BUY, quantity, PRICE, PRICE),
                    gate.check(time, TRADABLE, Side.BUY, quantity, PRICE, PRICE), "at " + time + " of " + quantity);
                assertEquals(clean.dailyNotional(), gate.dailyNotional());
            }
        }
    }

    /** Every kind of reject, each at a time that would move the window or the day if it were recorded. */
    private static void rejectInEveryWay(final RiskGate target, final long time) {
        assertEquals(RiskVerdict.INVALID_ORDER, target.check(time, TRADABLE, (byte)0, 1, PRICE, PRICE));
        assertEquals(RiskVerdict.RESTRICTED, target.check(time, RESTRICTED, Side.BUY, 1, PRICE, PRICE));
        assertEquals(RiskVerdict.MAX_QUANTITY, target.check(time, TRADABLE, Side.BUY, MAX_QUANTITY + 1, PRICE, PRICE));
        assertEquals(RiskVerdict.PRICE_COLLAR, target.check(time, TRADABLE, Side.BUY, 1, 2 * PRICE, PRICE));
        target.tradingState(TradingState.REDUCING);
        assertEquals(RiskVerdict.REDUCING_ONLY, target.check(time, TRADABLE, Side.BUY, 1, PRICE, PRICE));
        target.tradingState(TradingState.HALTED);
        assertEquals(RiskVerdict.HALTED, target.check(time, TRADABLE, Side.SELL, 1, PRICE, PRICE));
        target.tradingState(TradingState.ACTIVE);
    }
}
