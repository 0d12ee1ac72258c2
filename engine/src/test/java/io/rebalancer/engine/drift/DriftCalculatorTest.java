package io.rebalancer.engine.drift;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.state.PriceBoard;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DriftCalculatorTest {
    private static final long NOW = 1_000_000_000_000L;
    private static final long AGE = 60_000_000_000L;

    private final DriftCalculator drift = new DriftCalculator();
    private final PriceBoard prices = new PriceBoard(3);

    private static Portfolio portfolio(final long cash, final int bufferPpm, final int portfolioBandPpm) {
        return portfolio(cash, bufferPpm, portfolioBandPpm, 0);
    }

    private static Portfolio portfolio(final long cash, final int bufferPpm, final int portfolioBandPpm,
        final long third) {
        return new Portfolio(new PortfolioSpec(0, "p", cash, new int[] {0, 1, 2}, new long[] {600, 300, third},
            new int[] {500_000, 300_000, 200_000}, new int[] {50_000, 50_000, 50_000}, new int[] {0, 0, 100_000},
            portfolioBandPpm, 200_000, bufferPpm, 0, PlannerMode.TO_TARGET, TriggerKind.THRESHOLD, null));
    }

    private void price(final Portfolio p, final int slot, final double mid) {
        final long micros = Fixed.fromDouble(mid);
        prices.update(slot, micros, micros, micros, NOW);
        p.mark(slot, prices.mark(slot));
    }

    @Test
    void shouldMeasureEachAssetAgainstItsTighterBandAndReportTheWorstRatio() {
        final Portfolio p = portfolio(Fixed.fromDouble(10_000), 0, 0);
        price(p, 0, 100);
        price(p, 1, 100);
        price(p, 2, 100);
        // Value 100,000: weights 60 / 30 / 0 and cash 10. The third asset's band is the tighter of 5 points and
        // 10% of its 20% target (2 points): 20 points under it is a ratio of 10, not the 4 of the absolute band.
        assertEquals(DriftStatus.OK, drift.evaluate(p, prices, NOW, AGE));
        assertEquals(10.0, drift.ratio(), 1e-12);
        assertEquals(2, drift.worstSlot());
        assertEquals(-0.2, drift.worstDeviation(), 1e-12);
        assertEquals(0.2, drift.portfolioDrift(), 1e-12);
    }

    @Test
    void shouldMeasureWeightsAgainstValueLessTheCashBuffer() {
        final Portfolio p = portfolio(Fixed.fromDouble(10_000), 100_000, 0, 200);
        price(p, 0, 100);
        price(p, 1, 100);
        price(p, 2, 100);
        // Value 120,000, buffer 10% = 12,000: investable 108,000, so the first asset weighs 55.6%, not 50%.
        drift.evaluate(p, prices, NOW, AGE);
        assertEquals(0, drift.worstSlot());
        assertEquals(60_000 / 108_000.0 - 0.5, drift.worstDeviation(), 1e-12);
    }

    @Test
    void shouldIncludeThePortfolioBandInTheRatio() {
        final Portfolio p = portfolio(0, 0, 10_000);
        price(p, 0, 100);
        price(p, 1, 100);
        price(p, 2, 100);
        drift.evaluate(p, prices, NOW, AGE);
        assertEquals(0.2 / 0.01, drift.ratio(), 1e-9);
    }

    @Test
    void shouldBeStaleWhileATargetedInstrumentHasNoPriceEvenIfNotHeld() {
        final Portfolio p = portfolio(0, 0, 0);
        price(p, 0, 100);
        price(p, 1, 100);
        assertEquals(DriftStatus.STALE_PRICE, drift.evaluate(p, prices, NOW, AGE));
        assertEquals(0, drift.ratio());
    }

    @Test
    void shouldBeStaleWhenAPriceIsOlderThanTheMaximumAge() {
        final Portfolio p = portfolio(0, 0, 0);
        price(p, 0, 100);
        price(p, 1, 100);
        price(p, 2, 100);
        assertEquals(DriftStatus.OK, drift.evaluate(p, prices, NOW + AGE, AGE));
        assertEquals(DriftStatus.STALE_PRICE, drift.evaluate(p, prices, NOW + AGE + 1, AGE));
    }

    @Test
    void shouldHaveNoValueForAnEmptyPortfolio() {
        final Portfolio p = new Portfolio(new PortfolioSpec(0, "p", 0, new int[] {0}, new long[] {0},
            new int[] {1_000_000}, new int[] {50_000}, new int[] {0}, 0, 0, 0, 0, PlannerMode.TO_TARGET,
            TriggerKind.THRESHOLD, null));
        price(p, 0, 100);
        assertEquals(DriftStatus.NO_VALUE, drift.evaluate(p, prices, NOW, AGE));
    }

    @Test
    void shouldHaveNoValueWhenAPositionValueOverflows() {
        final Portfolio p = new Portfolio(new PortfolioSpec(0, "p", 0, new int[] {0}, new long[] {Long.MAX_VALUE / 2},
            new int[] {1_000_000}, new int[] {50_000}, new int[] {0}, 0, 0, 0, 0, PlannerMode.TO_TARGET,
            TriggerKind.THRESHOLD, null));
        price(p, 0, 100);
        assertEquals(DriftStatus.NO_VALUE, drift.evaluate(p, prices, NOW, AGE));
    }
}
