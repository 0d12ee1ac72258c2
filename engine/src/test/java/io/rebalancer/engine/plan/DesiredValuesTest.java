package io.rebalancer.engine.plan;

import io.rebalancer.engine.TestSeeds;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.plan.PlanFixture.Built;
import io.rebalancer.engine.state.Portfolio;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static io.rebalancer.engine.plan.PlanFixture.UNIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class DesiredValuesTest {
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

    private final long seed = TestSeeds.seed("planner.seed", 20_261_123L);

    @Test
    void shouldComputeRatiosInPpmRoundedUp() {
        assertEquals(0, DesiredValues.ceilPpm(0, 5));
        assertEquals(333_334, DesiredValues.ceilPpm(1, 3));
        assertEquals(1_000_000, DesiredValues.ceilPpm(5, 5));
        assertEquals(2_500_000, DesiredValues.ceilPpm(5, 2));
        assertEquals(1_000_000, DesiredValues.ceilPpm(Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(500_000, DesiredValues.ceilPpm(Long.MAX_VALUE / 2, Long.MAX_VALUE));
        assertEquals(DesiredValues.MAX_RATIO_PPM, DesiredValues.ceilPpm(Long.MAX_VALUE, 1));
    }

    @Test
    void shouldComputeRatiosInPpmExactlyBelowTheShiftThreshold() {
        final Random random = new Random(seed);
        for (int run = 0; run < 100_000; run++) {
            final long whole = 1 + Math.floorMod(random.nextLong(), Long.MAX_VALUE / 10 >> random.nextInt(60));
            final long part = Math.floorMod(random.nextLong(), Math.min(Long.MAX_VALUE / 4, whole * 3 + 7));
            final BigInteger exact = BigInteger.valueOf(part).multiply(MILLION).add(BigInteger.valueOf(whole - 1))
                .divide(BigInteger.valueOf(whole));
            final long expected = exact.min(BigInteger.valueOf(DesiredValues.MAX_RATIO_PPM)).longValueExact();
            final int at = run;
            assertEquals(expected, DesiredValues.ceilPpm(part, whole),
                () -> "seed=" + seed + " run=" + at + " part=" + part + " whole=" + whole);
        }
    }

    /**
     * When only the portfolio band fired, the planned portfolio (each slot at its desired value, the difference
     * in cash) must have its drift at the portfolio edge: not outside it (the trigger would fire again at once)
     * and not more than the rounding inside it (that would trade more than asked).
     */
    @Test
    void shouldEndThePortfolioDriftAtTheEdgeWhenOnlyThePortfolioBandFired() {
        final Random random = new Random(seed);
        final DesiredValues values = new DesiredValues(8);
        int shrunk = 0;
        for (int run = 0; run < 20_000; run++) {
            final String where = "seed=" + seed + " run=" + run;
            final int assets = 2 + random.nextInt(7);
            final int hysteresis = random.nextInt(500_000);
            final int portfolioBand = 1 + random.nextInt(50_000);
            final long size = (1 + random.nextInt(10_000_000)) * UNIT;
            final PlanFixture fixture = new PlanFixture().mode(PlannerMode.TO_BAND_EDGE).hysteresis(hysteresis)
                .portfolioBand(portfolioBand).cashBuffer(random.nextInt(20_000))
                .cash(size / 1_000 * random.nextInt(50));
            final int share = 1_000_000 / assets;
            for (int k = 0; k < assets; k++) {
                final int weight = k < assets - 1 ? share : 1_000_000 - (assets - 1) * share;
                final long price = (1 + random.nextInt(100_000)) * 10_000L;
                final long quantity = (long)(size * (weight / 1e6) / price * (0.9 + 0.2 * random.nextDouble()));
                fixture.asset(1, quantity, weight, 1_000_000).quote(k, price, price, price);
            }
            final Built b = fixture.build();
            final Portfolio p = b.portfolio();
            if (p.totalValue() <= 0) {
                assertFalse(values.compute(p), where);
                continue; // the generator can draw zero shares and zero cash: nothing to plan from
            }
            assertTrue(values.compute(p), where);
            if (!isShrinkCase(p, values, hysteresis)) {
                continue;
            }
            final BigInteger v = BigInteger.valueOf(values.investable());
            BigInteger after = v;
            BigInteger before = BigInteger.valueOf(values.spareCash()).abs();
            BigInteger deviation = BigInteger.ZERO;
            for (int k = 0; k < assets; k++) {
                final BigInteger desired = BigInteger.valueOf(values.desired(k));
                final BigInteger target = BigInteger.valueOf(Fixed.applyPpm(values.investable(), p.targetPpm(k)));
                after = after.subtract(desired);
                deviation = deviation.add(desired.subtract(target).abs());
                before = before.add(BigInteger.valueOf(p.marketValue(k)).subtract(target).abs());
            }
            deviation = deviation.add(after.abs());
            final long edge = Fixed.applyPpm(portfolioBand, 1_000_000 - hysteresis);
            final BigInteger beforePpm2 = before.multiply(MILLION);
            final BigInteger edge2 = v.multiply(BigInteger.valueOf(2 * edge));
            if (beforePpm2.compareTo(edge2) <= 0) {
                continue;
            }
            shrunk++;
            final BigInteger slack = BigInteger.valueOf(2L * assets).multiply(MILLION);
            final BigInteger afterPpm2 = deviation.multiply(MILLION);
            assertTrue(afterPpm2.compareTo(edge2.add(slack)) <= 0, () -> where + ": drift ends outside the edge");
            final BigInteger floor = v.multiply(BigInteger.valueOf(2 * (edge - 3))).subtract(slack);
            assertTrue(afterPpm2.compareTo(floor) >= 0, () -> where + ": drift ends well inside the edge");
        }
        assertTrue(shrunk > 1_000, "seed=" + seed + ": only " + shrunk + " runs shrank the drift");
    }

    /**
     * A large cash inflow leaves every asset underweight: moving only the assets outside their own bands to their
     * edges would leave the cash, and so the portfolio's total drift, outside the portfolio band, and the trigger
     * would fire again at once. The portfolio band's edge must hold after the per-asset edges.
     */
    @Test
    void shouldAlsoBringThePortfolioDriftInsideItsBandAfterMovingAssetsToTheirEdges() {
        final PlanFixture fixture = new PlanFixture().mode(PlannerMode.TO_BAND_EDGE).hysteresis(250_000)
            .portfolioBand(40_000).cash(100_000 * UNIT)
            .asset(1, 50, 300_000, 30_000).quote(0, 100 * UNIT, 100 * UNIT, 100 * UNIT)
            .asset(1, 300, 400_000, 30_000).quote(1, 100 * UNIT, 100 * UNIT, 100 * UNIT)
            .asset(1, 100, 300_000, 30_000).quote(2, 100 * UNIT, 100 * UNIT, 100 * UNIT);
        final Portfolio p = fixture.build().portfolio();
        final DesiredValues values = new DesiredValues(3);
        assertTrue(values.compute(p));
        long planned = 0;
        long deviation = 0;
        for (int k = 0; k < 3; k++) {
            planned += values.desired(k);
            deviation += Math.abs(values.desired(k) - Fixed.applyPpm(values.investable(), p.targetPpm(k)));
        }
        deviation += Math.abs(values.investable() - planned);
        final double drift = deviation / 2.0 / values.investable();
        assertTrue(drift <= 0.04 * 0.75 + 1e-6, "planned drift " + drift + " must end inside 3% (4% x (1 - 25%))");
        assertTrue(drift >= 0.04 * 0.75 - 1e-4, "and not trade further than needed: " + drift);
    }

    /** True when some slot moves although every slot is within its band's re-arm edge: the portfolio band fired. */
    private static boolean isShrinkCase(final Portfolio p, final DesiredValues values, final int hysteresis) {
        boolean moved = false;
        for (int k = 0; k < p.assets(); k++) {
            final long edge = Fixed.applyPpm(p.bandPpm(k), 1_000_000 - hysteresis);
            final long upper = Fixed.applyPpm(values.investable(), Math.min(1_000_000, p.targetPpm(k) + edge));
            final long lower = Fixed.applyPpm(values.investable(), Math.max(0, p.targetPpm(k) - edge));
            if (p.marketValue(k) > upper || p.marketValue(k) < lower) {
                return false;
            }
            moved |= values.desired(k) != p.marketValue(k);
        }
        return moved;
    }
}
