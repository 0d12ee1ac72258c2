package io.rebalancer.engine.risk;

import static io.rebalancer.engine.risk.RiskFixtures.DAY;
import static io.rebalancer.engine.risk.RiskFixtures.INSTRUMENTS;
import static io.rebalancer.engine.risk.RiskFixtures.PRICE;
import static io.rebalancer.engine.risk.RiskFixtures.SECOND;
import static io.rebalancer.engine.risk.RiskFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The gate runs on the engine thread in steady state, so a check must not allocate, accepted or rejected. */
final class RiskGateAllocationTest {
    private static final int CHECKS = 1_000_000;
    private static final int WARM_UP_ROUNDS = 5;
    private static final long STEP = 10_000_000L;
    private static final int CHECKS_PER_DAY = 10_000;

    @Test
    void shouldAllocateNothingOnTheCallingThreadForAMillionMixedChecks() {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot measure thread allocation");
        threads.setThreadAllocatedMemoryEnabled(true);
        final RiskGate gate = RiskFixtures.limits().maxNotional(50_000 * Fixed.SCALE).maxPerSecond(2).gate();
        final long[] tally = new long[RiskVerdict.values().length];
        long time = T0;
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            time = run(gate, time, tally);
        }
        Arrays.fill(tally, 0);

        final long before = threads.getCurrentThreadAllocatedBytes();
        run(gate, time, tally);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(0, allocated, "bytes allocated by " + CHECKS + " checks");
        for (final RiskVerdict verdict : RiskVerdict.values()) {
            if (verdict == RiskVerdict.ORDER_CAPACITY) {
                continue; // decided by the engine's order table, never by the gate
            }
            assertTrue(tally[verdict.ordinal()] > 0, "the mix should include " + verdict);
        }
    }

    /** A fixed mix of accepts and every kind of reject, with a new trading day every 10,000 checks. */
    private static long run(final RiskGate gate, final long startNanos, final long[] tally) {
        long time = startNanos;
        for (int i = 0; i < CHECKS; i++) {
            time += i % CHECKS_PER_DAY == 0 ? DAY : STEP;
            final int phase = (i / 1_000) % 10;
            gate.tradingState(phase == 0 ? TradingState.HALTED : phase == 1 ? TradingState.REDUCING
                : TradingState.ACTIVE);
            final long when = i % 97 == 0 ? time - 5 * SECOND : time;
            final byte side = (i & 1) == 0 ? Side.BUY : Side.SELL;
            final int instrument = i % INSTRUMENTS;
            final RiskVerdict verdict;
            switch (i % 8) {
                case 0:
                    verdict = gate.check(when, instrument, side, 0, PRICE, PRICE);
                    break;
                case 1:
                    verdict = gate.check(when, instrument, side, 1_001, PRICE, PRICE);
                    break;
                case 2:
                    verdict = gate.check(when, instrument, side, 1_000, PRICE, PRICE);
                    break;
                case 3:
                    verdict = gate.check(when, instrument, side, 1, 2 * PRICE, PRICE);
                    break;
                default:
                    verdict = gate.check(when, instrument, side, 1 + i % 100, PRICE, PRICE + i % 500_000);
                    break;
            }
            tally[verdict.ordinal()]++;
        }
        return time;
    }
}
