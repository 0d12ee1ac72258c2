package io.rebalancer.engine.plan;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.plan.PlanFixture.Built;
import io.rebalancer.engine.plan.PlanFixture.Order;
import io.rebalancer.engine.state.Portfolio;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rebalancer.engine.plan.PlanFixture.CENT;
import static io.rebalancer.engine.plan.PlanFixture.UNIT;
import static io.rebalancer.engine.plan.PlanFixture.bookAll;
import static io.rebalancer.engine.plan.PlanFixture.orders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Worked examples. Unless a test says otherwise every instrument is quoted 99.99 / 100.01 (mark 100.00) with a
 * 1-cent tick and the collar is 0.1%, so sells are limited at 99.90 (99.99 - 0.09999, up to the tick) and buys at
 * 100.11 (100.01 + 0.10001, down to the tick).
 */
final class RebalancePlannerTest {
    private static final int COLLAR_PPM = 1_000;
    private static final long BID = 99_990_000L;
    private static final long ASK = 100_010_000L;
    private static final long MARK = 100 * UNIT;
    private static final long SELL_LIMIT = 99_900_000L;
    private static final long BUY_LIMIT = 100_110_000L;
    private static final int BAND = 50_000;

    private final TradePlan plan = new TradePlan(8);

    @Test
    void shouldMoveEveryAssetToTargetInToTargetMode() {
        final Built b = new PlanFixture().asset(1, 700, 500_000, BAND).asset(1, 300, 500_000, BAND)
            .quoteAll(BID, ASK).build();
        final RebalancePlanner planner = planner(b);

        // V = 100,000; A holds 70,000 against 50,000: 20,000 / 99.99 = 200.02 -> 200.
        planner.planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(sell(0, 200)), orders(plan));

        // Booked at 99.90: cash 19,980, V = 99,980, B short 19,990 -> 199 at 100.11 = 19,921.89.
        bookAll(b.portfolio(), plan);
        planner.planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(buy(1, 199)), orders(plan));
    }

    @Test
    void shouldMoveEveryAssetHalfwayToTargetInHalfwayMode() {
        final Built b = new PlanFixture().mode(PlannerMode.HALFWAY)
            .asset(1, 700, 500_000, BAND).asset(1, 300, 500_000, BAND).quoteAll(BID, ASK).build();
        final RebalancePlanner planner = planner(b);

        // D_A = (70,000 + 50,000) / 2 = 60,000: sell 10,000 / 99.99 = 100.01 -> 100.
        planner.planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(sell(0, 100)), orders(plan));

        // Cash 9,990, V = 99,990: D_B = (30,000 + 49,995) / 2 = 39,997.5, short 9,997.5 -> 99 at 100.11.
        bookAll(b.portfolio(), plan);
        planner.planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(buy(1, 99)), orders(plan));
    }

    @Test
    void shouldMoveOnlyAssetsOutsideTheirBandToTheBandEdgeInToBandEdgeMode() {
        // Bands 5% with 20% hysteresis: edge 4%, so A (50% vs 40%) and B (30% vs 40%) are out, C (20%) is in.
        final Built b = new PlanFixture().mode(PlannerMode.TO_BAND_EDGE).hysteresis(200_000)
            .asset(1, 500, 400_000, BAND).asset(1, 300, 400_000, BAND).asset(1, 200, 200_000, BAND)
            .quoteAll(BID, ASK).build();
        final RebalancePlanner planner = planner(b);

        // A down to 44% of 100,000: 6,000 / 99.99 = 60.006 -> 60.
        planner.planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(sell(0, 60)), orders(plan));

        // Cash 5,994, V = 99,994: B up to 36% = 35,997.84, short 5,997.84 -> 59 at 100.11; C untouched.
        bookAll(b.portfolio(), plan);
        planner.planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(buy(1, 59)), orders(plan));
    }

    @Test
    void shouldMoveEveryAssetTowardTargetWhenOnlyThePortfolioBandFiredInToBandEdgeMode() {
        // Slot edges 8% (10% band, 20% hysteresis): 54% / 46% are inside. Drift 4% > portfolio edge 3.2%.
        final Built b = new PlanFixture().mode(PlannerMode.TO_BAND_EDGE).hysteresis(200_000).portfolioBand(40_000)
            .asset(1, 540, 500_000, 100_000).asset(1, 460, 500_000, 100_000).quoteAll(BID, ASK).build();
        final RebalancePlanner planner = planner(b);

        // keep = 32,000 / 40,000 = 80%: D_A = 50,000 + 4,000 x 0.8 = 53,200, sell 800 / 99.99 -> 8.
        planner.planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(sell(0, 8)), orders(plan));

        // Cash 799.20; deviations A +3,200.40, B -3,999.60, cash +799.20 over V = 99,999.20: drift 39,997 ppm
        // (rounded up), keep 800,060 ppm, D_B = 49,999.60 - 3,199.919976, short 799.680024 -> 7 at 100.11.
        bookAll(b.portfolio(), plan);
        planner.planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(buy(1, 7)), orders(plan));
    }

    @Test
    void shouldNotTradeWhenInsideEveryBandInToBandEdgeMode() {
        // Drift 4% is exactly the portfolio edge (5% band, 20% hysteresis): nothing to do.
        final Built b = new PlanFixture().mode(PlannerMode.TO_BAND_EDGE).hysteresis(200_000).portfolioBand(50_000)
            .asset(1, 540, 500_000, 100_000).asset(1, 460, 500_000, 100_000).cash(0).quoteAll(BID, ASK).build();
        final RebalancePlanner planner = planner(b);

        planner.planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(), orders(plan));
        planner.planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(), orders(plan));
    }

    @Test
    void shouldMoveAssetsWithoutABandToTargetInToBandEdgeMode() {
        final Built b = new PlanFixture().mode(PlannerMode.TO_BAND_EDGE).calendar()
            .asset(1, 510, 500_000, 0).asset(1, 490, 500_000, 0).quoteAll(BID, ASK).build();
        final RebalancePlanner planner = planner(b);

        planner.planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(sell(0, 10)), orders(plan));
    }

    @Test
    void shouldNeverSpendMoreCashThanAvailableAtLimitPrices() {
        // A is 10,000 overweight but its sell was not accepted: buys may only spend cash less the 2% buffer.
        final Built b = new PlanFixture().cash(1_000 * UNIT).cashBuffer(20_000)
            .asset(1, 100, 500_000, BAND).asset(1, 0, 500_000, BAND).quoteAll(BID, ASK).build();
        final Portfolio p = b.portfolio();

        planner(b).planBuys(p, b.prices(), plan);

        // T = 11,000, B = 220, spare 780: 7 at 100.11 = 700.77, though B is short 5,390.
        assertEquals(List.of(buy(1, 7)), orders(plan));
        final long spare = p.effectiveCash() - Fixed.applyPpm(p.totalValue(), 20_000);
        assertTrue(plan.quantity(0) * plan.limitPrice(0) <= spare);
    }

    @Test
    void shouldKeepTheCashBufferUninvested() {
        // All cash, one asset at 100%, a 5% buffer: invest V = 95,000, so 948 at 100.11 = 94,904.28.
        final Built b = new PlanFixture().cash(100_000 * UNIT).cashBuffer(50_000)
            .asset(1, 0, 1_000_000, BAND).quoteAll(BID, ASK).build();
        planner(b).planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(buy(0, 948)), orders(plan));
    }

    @Test
    void shouldBuyTheLargestShortfallFirstAndBreakTiesByLowerSlot() {
        // Spare cash 45,000. C is short 43,500, B and D 21,750 each: C first, then B gets what is left, D nothing.
        final Built b = new PlanFixture().cash(45_000 * UNIT).asset(1, 1_000, 400_000, BAND)
            .asset(1, 0, 150_000, BAND).asset(1, 0, 300_000, BAND).asset(1, 0, 150_000, BAND)
            .quoteAll(BID, ASK).build();

        planner(b).planBuys(b.portfolio(), b.prices(), plan);

        // C: 434 at 100.11 = 43,447.74; left 1,552.26 -> B: 15 = 1,501.65; left 50.61 buys no D.
        assertEquals(List.of(buy(2, 434), buy(1, 15)), orders(plan));
    }

    @Test
    void shouldRoundQuantitiesDownToLots() {
        // Lots of 100, quotes 9.99 / 10.01, collar 0.5%: sell limit 9.95, buy limit 10.06.
        final Built b = new PlanFixture().asset(100, 1_000, 350_000, BAND).asset(100, 0, 650_000, BAND)
            .quoteAll(9_990_000L, 10_010_000L).build();
        final RebalancePlanner planner = new RebalancePlanner(b.universe(), 5_000, 8);

        // A sells 6,500 / 9.99 = 650.6 -> 600.
        planner.planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(new Order(0, Side.SELL, 600, 9_950_000L, 10 * UNIT)), orders(plan));

        // Cash 5,970: B is short 6,480.50 (6 lots of 1,006) but cash pays for 5 lots only.
        bookAll(b.portfolio(), plan);
        planner.planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(new Order(1, Side.BUY, 500, 10_060_000L, 10 * UNIT)), orders(plan));
    }

    @Test
    void shouldSellOddLotWhenExitingAZeroTarget() {
        // A (target 0) sells all 250 though lots are 100; C (target 10%, holding 30%) sells whole lots only.
        final Built b = new PlanFixture().asset(100, 250, 0, BAND).asset(100, 0, 900_000, BAND)
            .asset(100, 750, 100_000, BAND).quoteAll(BID, ASK).build();

        planner(b).planSells(b.portfolio(), b.prices(), plan);

        // C: 75,000 - 10% of 100,000 = 65,000 / 99.99 = 650.07 -> 600.
        assertEquals(List.of(sell(0, 250), sell(2, 600)), orders(plan));
    }

    @Test
    void shouldNotSellMoreThanSettledMinusOpenSells() {
        // Exit: 1,000 settled, 300 already on an open sell: the exit sells the other 700.
        final Built exit = new PlanFixture().asset(1, 1_000, 0, BAND).asset(1, 0, 1_000_000, BAND)
            .quoteAll(BID, ASK).build();
        exit.portfolio().orderOpened(0, Side.SELL, 300, SELL_LIMIT);
        planner(exit).planSells(exit.portfolio(), exit.prices(), plan);
        assertEquals(List.of(sell(0, 700)), orders(plan));

    }

    @Test
    void shouldNotTradeAgainstItsOwnWorkingOrder() {
        // 200 settled plus an open buy of 800: A counts as 1,000 and is overweight, but selling it while the buy
        // works would meet the portfolio's own order at the venue (a wash trade): no sell until the buy is done.
        final Built bought = new PlanFixture().cash(100_000 * UNIT).asset(1, 200, 400_000, BAND)
            .asset(1, 0, 600_000, BAND).quoteAll(BID, ASK).build();
        bought.portfolio().orderOpened(0, Side.BUY, 800, BUY_LIMIT);
        planner(bought).planSells(bought.portfolio(), bought.prices(), plan);
        assertEquals(List.of(), orders(plan));

        // Likewise no buy of a slot whose sell still works: B is underweight but has 100 on an open sell.
        final Built sold = new PlanFixture().cash(50_000 * UNIT).asset(1, 500, 500_000, BAND)
            .asset(1, 200, 500_000, BAND).quoteAll(BID, ASK).build();
        sold.portfolio().orderOpened(1, Side.SELL, 100, SELL_LIMIT);
        planner(sold).planBuys(sold.portfolio(), sold.prices(), plan);
        assertEquals(List.of(), orders(plan).stream().filter(o -> o.slot() == 1).toList());
    }

    @Test
    void shouldSkipTradesBelowMinimumNotional() {
        // Minimum 1,000: A is 500 over (5 x 99.99 = 499.95, skipped), B 2,000 over (20 x 99.99 = 1,999.80, sent).
        final Built b = new PlanFixture().minTradeNotional(1_000 * UNIT).asset(1, 305, 300_000, BAND)
            .asset(1, 320, 300_000, BAND).asset(1, 375, 400_000, BAND).quoteAll(BID, ASK).build();
        planner(b).planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(sell(1, 20)), orders(plan));

        // 500 of spare cash buys 4 x 100.11 = 400.44: below the minimum, so no buy at all.
        final Built poor = new PlanFixture().minTradeNotional(1_000 * UNIT).cash(500 * UNIT)
            .asset(1, 100, 500_000, BAND).asset(1, 0, 500_000, BAND).quoteAll(BID, ASK).build();
        planner(poor).planBuys(poor.portfolio(), poor.prices(), plan);
        assertEquals(List.of(), orders(plan));
    }

    @Test
    void shouldPriceBuyLimitsThroughTheAskWithinTheCollarOnTick() {
        // Tick 0.05, ask 100.02 (off tick). Collar 0.1%: 100.12002 down to the tick = 100.10.
        final Built b = new PlanFixture().cash(10_000 * UNIT).asset(5 * CENT, 1, 0, 1_000_000, BAND)
            .quote(0, 99_980_000L, 100_020_000L, 0).build();
        new RebalancePlanner(b.universe(), 1_000, 8).planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(new Order(0, Side.BUY, 99, 100_100_000L, 100_000_000L)), orders(plan));

        // Collar 0.01%: 100.030002 down to the tick is 100.00, below the ask: the ask up to the tick, 100.05.
        new RebalancePlanner(b.universe(), 100, 8).planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(new Order(0, Side.BUY, 99, 100_050_000L, 100_000_000L)), orders(plan));
    }

    @Test
    void shouldPriceSellLimitsThroughTheBidWithinTheCollarOnTick() {
        // Tick 0.05, bid 99.98 (off tick). Collar 0.1%: 99.88002 up to the tick = 99.90.
        final Built b = new PlanFixture().asset(5 * CENT, 1, 100, 0, BAND).asset(1, 0, 1_000_000, BAND)
            .quote(0, 99_980_000L, 100_020_000L, 0).build();
        new RebalancePlanner(b.universe(), 1_000, 8).planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(new Order(0, Side.SELL, 100, 99_900_000L, 100_000_000L)), orders(plan));

        // Collar 0.01%: 99.970002 up to the tick is 100.00, above the bid: the bid down to the tick, 99.95.
        new RebalancePlanner(b.universe(), 100, 8).planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(new Order(0, Side.SELL, 100, 99_950_000L, 100_000_000L)), orders(plan));
    }

    @Test
    void shouldNotSellWhenNoPositiveTickPriceCrossesTheBid() {
        // Bid 0.03 with a 0.05 tick: the only tick at or below the bid is 0.
        final Built b = new PlanFixture().asset(5 * CENT, 1, 1_000, 0, BAND).asset(1, 0, 1_000_000, BAND)
            .quote(0, 30_000L, 70_000L, 0).quote(1, BID, ASK, 0).build();
        planner(b).planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(), orders(plan));
    }

    @Test
    void shouldCountOpenOrdersAsAlreadyTraded() {
        final Built b = new PlanFixture().asset(1, 700, 500_000, BAND).asset(1, 300, 500_000, BAND)
            .quoteAll(BID, ASK).build();
        final RebalancePlanner planner = planner(b);

        planner.planSells(b.portfolio(), b.prices(), plan);
        bookAll(b.portfolio(), plan);
        planner.planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(), orders(plan));

        planner.planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(buy(1, 199)), orders(plan));
        bookAll(b.portfolio(), plan);
        planner.planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(), orders(plan));
        planner.planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(), orders(plan));
    }

    @Test
    void shouldPlanNothingWithoutPrice() {
        // B has no quote at all, C has an ask but neither bid nor last (no sell touch, no mark): only A trades.
        final Built b = new PlanFixture().cash(30_000 * UNIT).asset(1, 700, 400_000, BAND)
            .asset(1, 0, 300_000, BAND).asset(1, 0, 300_000, BAND)
            .quote(0, BID, ASK, 0).quote(2, 0, ASK, 0).build();
        final RebalancePlanner planner = planner(b);

        planner.planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(sell(0, 300)), orders(plan));
        planner.planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(), orders(plan));
    }

    @Test
    void shouldPlanNothingWhenAHoldingCannotBeValued() {
        // B holds 500 but has never been marked: the portfolio's value is unknown, so A must not be sold.
        final Built b = new PlanFixture().asset(1, 700, 500_000, BAND).asset(1, 500, 500_000, BAND)
            .quote(0, BID, ASK, 0).build();
        final RebalancePlanner planner = planner(b);

        planner.planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(), orders(plan));
        planner.planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(), orders(plan));
    }

    @Test
    void shouldUseTheLastPriceWhenNeitherSideIsQuoted() {
        final Built b = new PlanFixture().asset(1, 700, 500_000, BAND).asset(1, 300, 500_000, BAND)
            .quote(0, 0, 0, MARK).quote(1, 0, 0, MARK).build();
        planner(b).planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(new Order(0, Side.SELL, 200, 99_900_000L, MARK)), orders(plan));
    }

    @Test
    void shouldPlanNothingFromOddStateWithoutThrowing() {
        // A value that overflows a long.
        final Built huge = new PlanFixture().asset(1, Long.MAX_VALUE / 2, 500_000, BAND).asset(1, 0, 500_000, BAND)
            .quoteAll(BID, ASK).build();
        assertTrue(huge.portfolio().hasOverflow());
        assertPlansNothing(planner(huge), huge);

        // More assets than the planner was sized for.
        final Built wide = new PlanFixture().asset(1, 700, 500_000, BAND).asset(1, 300, 500_000, BAND)
            .quoteAll(BID, ASK).build();
        assertPlansNothing(new RebalancePlanner(wide.universe(), COLLAR_PPM, 1), wide);

        // No planner mode configured: refused by the spec itself, so no portfolio can be planned without one.
        assertThrows(IllegalArgumentException.class,
            () -> new PlanFixture().mode(null).asset(1, 700, 500_000, BAND).quoteAll(BID, ASK).build());

        // Nothing to invest.
        final Built empty = new PlanFixture().asset(1, 0, 500_000, BAND).asset(1, 0, 500_000, BAND)
            .quoteAll(BID, ASK).build();
        assertPlansNothing(planner(empty), empty);

        // Effective cash below zero: an open buy reserves 1,001.10 with no cash, so the total is -1.10.
        final Built owing = new PlanFixture().asset(1, 0, 500_000, BAND).asset(1, 0, 500_000, BAND)
            .quoteAll(BID, ASK).build();
        owing.portfolio().orderOpened(1, Side.BUY, 10, BUY_LIMIT);
        assertTrue(owing.portfolio().totalValue() < 0);
        assertPlansNothing(planner(owing), owing);
    }

    @Test
    void shouldBuyBackAShortThatAnOverfilledSellLeft() {
        // The venue sold 10 more than the engine asked: settled -10 (valued -1,000) and cash 11,000, so T = 10,000.
        final Built b = new PlanFixture().cash(10_000 * UNIT).asset(1, 0, 500_000, BAND)
            .asset(1, 0, 500_000, BAND).quoteAll(BID, ASK).build();
        b.portfolio().filledBeyondOrder(0, Side.SELL, 10, MARK);
        planner(b).planSells(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(), orders(plan));
        // A is short 6,000 of its 5,000 target: 59 at 100.11 first; then B, 49 of 5,000.
        planner(b).planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(List.of(buy(0, 59), buy(1, 49)), orders(plan));
    }

    @Test
    void shouldStopAddingOrdersWhenThePlanIsFull() {
        // Two exits, room for one order: the lower slot goes first.
        final Built b = new PlanFixture().asset(1, 400, 0, BAND).asset(1, 300, 0, BAND)
            .asset(1, 300, 1_000_000, BAND).quoteAll(BID, ASK).build();
        final TradePlan small = new TradePlan(1);
        planner(b).planSells(b.portfolio(), b.prices(), small);
        assertEquals(List.of(sell(0, 400)), orders(small));
    }

    private void assertPlansNothing(final RebalancePlanner planner, final Built b) {
        planner.planSells(b.portfolio(), b.prices(), plan);
        assertEquals(0, plan.size());
        planner.planBuys(b.portfolio(), b.prices(), plan);
        assertEquals(0, plan.size());
    }

    private static RebalancePlanner planner(final Built b) {
        return new RebalancePlanner(b.universe(), COLLAR_PPM, 8);
    }

    private static Order sell(final int slot, final long quantity) {
        return new Order(slot, Side.SELL, quantity, SELL_LIMIT, MARK);
    }

    private static Order buy(final int slot, final long quantity) {
        return new Order(slot, Side.BUY, quantity, BUY_LIMIT, MARK);
    }
}
