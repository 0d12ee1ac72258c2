package io.rebalancer.engine.risk;

import io.rebalancer.engine.TestSeeds;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.reference.ReferenceRisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneOffset;
import java.util.Random;

import static io.rebalancer.engine.risk.RiskFixtures.DAY;
import static io.rebalancer.engine.risk.RiskFixtures.INSTRUMENTS;
import static io.rebalancer.engine.risk.RiskFixtures.PRICE;
import static io.rebalancer.engine.risk.RiskFixtures.SECOND;
import static io.rebalancer.engine.risk.RiskFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random order streams through the gate and through {@link ReferenceRisk}; every verdict and daily total
 * must agree. Inputs cluster on the boundaries (collar edges, limits, one-second gaps, day changes, time
 * stepping back) where an optimised rule is most likely to be off by one. Failures name their seed.
 */
final class RiskGateDifferentialTest {
    private static final int CHECKS = 20_000;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1_000_003, 0x5EED})
    void shouldAgreeWithTheReferenceGateForFixedSeeds(final long seed) {
        compare(seed);
    }

    @Test
    void shouldAgreeWithTheReferenceGateForAFreshSeed() {
        compare(TestSeeds.seed("rebalancer.test.seed", 20_261_128L));
    }

    private static void compare(final long seed) {
        final Random random = new Random(seed);
        final boolean[] restricted = new boolean[INSTRUMENTS];
        restricted[RiskFixtures.RESTRICTED] = true;
        final RiskLimits limits = new RiskLimits(1 + random.nextInt(2_000), (1 + random.nextInt(200_000)) * Fixed.SCALE,
            1 + random.nextInt(50_000), 1 + random.nextInt(6), (1 + random.nextInt(2_000_000)) * Fixed.SCALE,
            restricted, TradingState.ACTIVE);
        final RiskGate gate = new RiskGate(limits, INSTRUMENTS, RiskFixtures.UTC);
        final ReferenceRisk reference = new ReferenceRisk(limits, INSTRUMENTS, ZoneOffset.UTC);
        long time = T0;
        for (int i = 0; i < CHECKS; i++) {
            if (random.nextInt(200) == 0) {
                final TradingState state = tradingState(random);
                gate.tradingState(state);
                reference.state(state);
            }
            time = nextTime(random, time);
            final int id = random.nextInt(30) == 0 ? (random.nextBoolean() ? -1 : INSTRUMENTS)
                : random.nextInt(INSTRUMENTS);
            final byte side = side(random);
            final long quantity = quantity(random, limits.maxOrderQuantity());
            final long referencePrice = price(random);
            final long limitPrice = limitPrice(random, referencePrice, limits.priceCollarPpm());
            final String where = "seed " + seed + " check " + i + ": t=" + time + " id=" + id + " side=" + side
                + " qty=" + quantity + " limit=" + limitPrice + " ref=" + referencePrice + " limits=" + limits;
            assertEquals(reference.check(time, id, side, quantity, limitPrice, referencePrice),
                gate.check(time, id, side, quantity, limitPrice, referencePrice), where);
            assertEquals(reference.dailyNotional(), gate.dailyNotional(), where);
        }
    }

    /** Mostly active, so that the stateful rules behind the kill switch get exercised. */
    private static TradingState tradingState(final Random random) {
        final int pick = random.nextInt(10);
        return pick < 6 ? TradingState.ACTIVE : pick < 9 ? TradingState.REDUCING : TradingState.HALTED;
    }

    private static long nextTime(final Random random, final long time) {
        switch (random.nextInt(10)) {
            case 0:
                return time;
            case 1:
                return time + SECOND;
            case 2:
                return time + SECOND - 1;
            case 3:
                return time - random.nextInt(3) * SECOND - random.nextInt(1_000);
            case 4:
                return random.nextInt(50) == 0 ? time + DAY - random.nextInt(2) : time + 1;
            default:
                return time + random.nextInt(400_000_000);
        }
    }

    private static byte side(final Random random) {
        final int pick = random.nextInt(40);
        return pick == 0 ? (byte)0 : pick == 1 ? (byte)'3' : (pick & 1) == 0 ? Side.BUY : Side.SELL;
    }

    private static long quantity(final Random random, final long maxQuantity) {
        switch (random.nextInt(30)) {
            case 0:
                return 0;
            case 1:
                return -1 - random.nextInt(10);
            case 2:
                return Long.MAX_VALUE / (1 + random.nextInt(1_000));
            case 3:
                return maxQuantity + random.nextInt(3) - 1;
            default:
                return 1 + random.nextInt((int)Math.min(maxQuantity, 5_000));
        }
    }

    private static long price(final Random random) {
        switch (random.nextInt(40)) {
            case 0:
                return 0;
            case 1:
                return -PRICE;
            case 2:
                return Long.MAX_VALUE - random.nextInt(1_000);
            case 3:
                return 1 + random.nextInt(10);
            default:
                return PRICE / 2 + random.nextInt((int)PRICE);
        }
    }

    /** Mostly near the collar's edges: exactly on them, one micro either side, or anywhere inside. */
    private static long limitPrice(final Random random, final long reference, final int collarPpm) {
        if (reference <= 0 || random.nextInt(40) == 0) {
            return random.nextBoolean() ? 0 : PRICE;
        }
        final long edge = Fixed.applyPpm(reference, collarPpm);
        final long offset = switch (random.nextInt(6)) {
            case 0 -> edge;
            case 1 -> edge + 1;
            case 2 -> edge - 1;
            case 3 -> edge + 1 + random.nextInt(1_000_000);
            default -> edge == 0 ? 0 : Math.floorMod(random.nextLong(), edge);
        };
        final long limit = random.nextBoolean() ? reference + offset : reference - offset;
        return limit < 0 && reference > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : limit;
    }
}
