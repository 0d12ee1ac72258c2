package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.CalendarFrequency;
import io.rebalancer.engine.domain.CalendarSpec;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.trigger.TriggerReason;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static io.rebalancer.engine.core.Fixtures.DAY;
import static io.rebalancer.engine.core.Fixtures.HOUR;
import static io.rebalancer.engine.core.Fixtures.SECOND;
import static io.rebalancer.engine.core.Fixtures.money;
import static io.rebalancer.engine.core.Fixtures.portfolio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest {
    private static final int SPY = 0;
    private static final int TLT = 1;
    private static final int GLD = 3;

    private final Recorder out = new Recorder();

    private Driver start(final EngineConfig config) {
        return new Driver(new Engine(config, out, out));
    }

    private Engine engine;

    private Driver balanced() {
        return balanced(TriggerKind.THRESHOLD, null);
    }

    /** 600 SPY and 400 TLT at 100.00: exactly on a 60/40 target with 5-point bands. */
    private Driver balanced(final TriggerKind kind, final CalendarSpec calendar) {
        final EngineConfig config = Fixtures.config(4, portfolio("balanced")
            .asset(SPY, 600, 60, 5).asset(TLT, 400, 40, 5).trigger(kind, calendar));
        engine = new Engine(config, out, out);
        return new Driver(engine).quote(SPY, 100).quote(TLT, 100);
    }

    @Test
    void shouldNotTriggerWhileEveryAssetIsInsideItsBand() {
        balanced().quote(SPY, 120);
        assertEquals(List.of(), out.triggers);
        assertEquals(List.of(), out.orders);
    }

    @Test
    void shouldSellTheOverweightAssetThenBuyTheUnderweightOneWhenABandIsBreached() {
        balanced().quote(SPY, 125);

        assertEquals(1, out.triggers.size());
        assertEquals(TriggerReason.THRESHOLD, out.triggers.get(0).reason());
        final long now = out.triggers.get(0).time();
        // V = 75,000 + 40,000. SPY to 69,000: sell floor(6,000 / 124.995) = 48 at 124.995 - 10bp, up to tick.
        // TLT to 46,000: buy at 100.005 + 10bp = 100.105005, down to tick = 100.10, 59 shares fit the proceeds.
        assertEquals(List.of(
            new Recorder.Order(now, 1, 0, SPY, Side.SELL, 48, money(124.88)),
            new Recorder.Order(now, 2, 0, TLT, Side.BUY, 59, money(100.10))), out.orders);
        assertEquals(2, out.sentViaListener());
    }

    @Test
    void shouldTriggerOnARelativeBandTighterThanTheAbsoluteOne() {
        final EngineConfig config = Fixtures.config(4, portfolio("relative")
            .asset(SPY, 900, 90, 5, 0).asset(GLD, 100, 10, 5, 20));
        final Driver driver = start(config).quote(SPY, 100).quote(GLD, 100);
        // GLD's band is min(5 points, 20% of 10%) = 2 points. At 125 it weighs 12,500 / 102,500 = 12.2%.
        driver.quote(GLD, 120);
        assertEquals(List.of(), out.triggers);
        driver.quote(GLD, 125);
        assertEquals(1, out.triggers.size());
    }

    @Test
    void shouldTriggerOnPortfolioLevelDriftWhenNoAssetLeavesItsOwnBand() {
        final EngineConfig config = Fixtures.config(4, portfolio("total")
            .asset(SPY, 500, 50, 20).asset(TLT, 500, 50, 20).portfolioBand(3));
        final Driver driver = start(config).quote(SPY, 100).quote(TLT, 100);
        // SPY at 113: weights 53.05 / 46.95, total drift 3.05 points > 3.
        driver.quote(SPY, 112);
        assertEquals(List.of(), out.triggers);
        driver.quote(SPY, 113);
        assertEquals(1, out.triggers.size());
    }

    @Test
    void shouldTouchOnlyThePortfoliosThatHoldTheTickedInstrument() {
        final EngineConfig config = Fixtures.config(4,
            portfolio("a").asset(SPY, 600, 60, 5).asset(TLT, 400, 40, 5),
            portfolio("b").asset(GLD, 100, 100, 5));
        engine = new Engine(config, out, out);
        final Driver driver = new Driver(engine).quote(SPY, 100).quote(TLT, 100).quote(GLD, 100);
        final long before = engine.counters().get(EngineCounters.EVALUATIONS);
        driver.quote(GLD, 101);
        assertEquals(before + 1, engine.counters().get(EngineCounters.EVALUATIONS));
        assertEquals(money(101) * 100, engine.portfolio(1).investedValue());
        assertEquals(money(100) * 1000, engine.portfolio(0).investedValue());
    }

    @Test
    void shouldJudgeDriftOncePerBatchNotOncePerTick() {
        final Driver driver = balanced();
        final long before = engine.counters().get(EngineCounters.EVALUATIONS);
        driver.batch(() -> {
            for (int i = 0; i < 100; i++) {
                driver.quote(SPY, 100 + i * 0.01);
            }
        });
        assertEquals(before + 1, engine.counters().get(EngineCounters.EVALUATIONS));
    }

    @Test
    void shouldNotDecideUntilEveryHeldInstrumentHasAPrice() {
        final EngineConfig config = Fixtures.config(4, portfolio("balanced")
            .asset(SPY, 600, 60, 5).asset(TLT, 400, 40, 5));
        engine = new Engine(config, out, out);
        new Driver(engine).quote(SPY, 125);
        assertEquals(List.of(), out.triggers);
        assertEquals(1, engine.counters().get(EngineCounters.STALE_SKIPS));
    }

    @Test
    void shouldNotDecideWhileAHeldInstrumentsPriceIsOlderThanTheMaximumAge() {
        final Driver driver = balanced();
        driver.later(2 * HOUR).quote(SPY, 125);
        assertEquals(List.of(), out.orders);
        assertTrue(engine.counters().get(EngineCounters.STALE_SKIPS) > 0);
        driver.quote(TLT, 100);
        assertEquals(2, out.orders.size());
    }

    @Test
    void shouldBookFillsIntoHoldingsAndCashAndCloseFilledOrders() {
        balanced().quote(SPY, 125);
        final Driver driver = new Driver(engine);
        driver.fill(1, 48, money(125.00));
        driver.fill(2, 30, money(100.00)).fill(2, 29, money(100.01));

        final Portfolio p = engine.portfolio(0);
        assertEquals(552, p.settledQuantity(0));
        assertEquals(459, p.settledQuantity(1));
        assertEquals(money(48 * 125.00) - money(30 * 100.00) - money(29 * 100.01), p.settledCash());
        assertEquals(0, p.openOrders());
        assertEquals(0, engine.workingOrders());
        assertEquals(List.of(
            new Recorder.Closed(1, 0, ExecType.TRADE, 0),
            new Recorder.Closed(2, 0, ExecType.TRADE, 0)), out.closed);
        assertEquals(p.settledCash(), p.effectiveCash());
    }

    @Test
    void shouldReleaseTheUnfilledRemainderWhenAnOrderIsCancelled() {
        balanced().quote(SPY, 125);
        final Driver driver = new Driver(engine);
        driver.fill(2, 20, money(100.00)).done(2, ExecType.CANCELED);
        final Portfolio p = engine.portfolio(0);
        assertEquals(420, p.settledQuantity(1));
        assertEquals(0, p.openBuyQuantity(1));
        assertEquals(List.of(new Recorder.Closed(2, 0, ExecType.CANCELED, 39)), out.closed);
    }

    @Test
    void shouldCountWorkingOrdersInDriftSoItNeverOrdersTheSameSharesTwice() {
        final Driver driver = balanced().quote(SPY, 125);
        assertEquals(2, out.orders.size());
        for (int i = 0; i < 50; i++) {
            driver.later(SECOND).quote(SPY, 125 + i * 0.05).quote(TLT, 100);
        }
        assertEquals(2, out.orders.size());
    }

    @Test
    void shouldTradeOnceNotOnEveryTickWhileStuckOutsideItsBand() {
        final Driver driver = balanced();
        driver.command(Command.SET_TRADING_STATE, -1, TradingState.HALTED.ordinal());
        driver.quote(SPY, 125);
        assertEquals(1, out.triggers.size());
        for (int i = 0; i < 20; i++) {
            driver.quote(SPY, 125 + (i % 2) * 0.5);
        }
        assertEquals(1, out.triggers.size());
        assertEquals(RiskVerdict.HALTED, out.riskRejects.get(0).verdict());
        // Drift grows by more than a hysteresis step: escalate once.
        driver.quote(SPY, 140);
        assertEquals(2, out.triggers.size());
        assertEquals(TriggerReason.ESCALATION, out.triggers.get(1).reason());
    }

    @Test
    void shouldRearmAfterDriftComesBackInsideTheHysteresisEdge() {
        final Driver driver = balanced();
        driver.command(Command.SET_TRADING_STATE, -1, TradingState.HALTED.ordinal());
        driver.quote(SPY, 125);
        driver.quote(SPY, 124);
        assertEquals(1, out.triggers.size());
        driver.quote(SPY, 100);
        driver.quote(SPY, 125);
        assertEquals(2, out.triggers.size());
        assertEquals(TriggerReason.THRESHOLD, out.triggers.get(1).reason());
        assertEquals(List.of(), out.orders);
    }

    @Test
    void shouldTradeTheBreachRefusedWhileHaltedAsSoonAsTradingResumes() {
        final Driver driver = balanced();
        driver.command(Command.SET_TRADING_STATE, -1, TradingState.HALTED.ordinal());
        driver.quote(SPY, 125);
        assertEquals(List.of(), out.orders);
        driver.command(Command.SET_TRADING_STATE, -1, TradingState.ACTIVE.ordinal());
        assertEquals(2, out.triggers.size());
        assertEquals(TriggerReason.THRESHOLD, out.triggers.get(1).reason());
        assertEquals(2, out.orders.size());
    }

    @Test
    void shouldLetOnlySellsOutWhileReducing() {
        final Driver driver = balanced();
        driver.command(Command.SET_TRADING_STATE, -1, TradingState.REDUCING.ordinal());
        driver.quote(SPY, 125);
        assertEquals(1, out.orders.size());
        assertEquals(Side.SELL, out.orders.get(0).side());
        assertEquals(RiskVerdict.REDUCING_ONLY, out.riskRejects.get(0).verdict());
    }

    @Test
    void shouldAssignIncreasingClientOrderIdsFromTheConfiguredStart() {
        final EngineSettings settings = new EngineSettings(1024, WaitStrategyKind.SLEEPING, HOUR, 256, 1000,
            10 * Ppm.BASIS_POINT, ZoneId.of("UTC"));
        engine = new Engine(Fixtures.config(settings, Fixtures.generousRisk(4), 4, portfolio("balanced")
            .asset(SPY, 600, 60, 5).asset(TLT, 400, 40, 5)), out, out);
        final Driver driver = new Driver(engine).quote(SPY, 100).quote(TLT, 100).quote(SPY, 125);
        driver.fill(1000, 48, money(125)).fill(1001, 59, money(100.1));
        driver.quote(SPY, 100).quote(SPY, 90);
        final long[] ids = out.orders.stream().mapToLong(Recorder.Order::clientOrderId).toArray();
        assertEquals(4, ids.length);
        for (int i = 0; i < ids.length; i++) {
            assertEquals(1000 + i, ids[i]);
        }
    }

    @Test
    void shouldNotActOnABreachThatRevertsWithinOneBatch() {
        final Driver driver = balanced();
        driver.batch(() -> driver.quote(SPY, 125).quote(SPY, 100));
        assertEquals(List.of(), out.triggers);
        assertEquals(List.of(), out.orders);
        driver.quote(SPY, 125);
        assertEquals(1, out.triggers.size());
    }

    @Test
    void shouldRebalanceOnOperatorRequestWhateverTheDrift() {
        final Driver driver = balanced().quote(SPY, 110);
        driver.command(Command.REBALANCE_NOW, 0, 0);
        assertEquals(TriggerReason.MANUAL, out.triggers.get(0).reason());
        assertEquals(2, out.orders.size());
    }

    @Test
    void shouldReviewOnTheCalendarAndWaitForFreshPricesIfNeeded() {
        final CalendarSpec monthEnd = new CalendarSpec(CalendarFrequency.MONTHLY, 1, CalendarSpec.LAST_DAY, 1,
            16 * 3600, ZoneId.of("UTC"));
        final Driver driver = balanced(TriggerKind.CALENDAR, monthEnd).quote(SPY, 110).quote(SPY, 130);
        assertEquals(List.of(), out.triggers);
        // 2026-01-31T16:00Z is a Saturday: the review is due at the first event after it, but prices are stale.
        driver.at(1_769_875_200L * SECOND + 1).timer();
        assertEquals(List.of(), out.triggers);
        driver.later(2 * DAY).quote(SPY, 110).quote(TLT, 100);
        assertEquals(1, out.triggers.size());
        assertEquals(TriggerReason.CALENDAR, out.triggers.get(0).reason());
    }

    @Test
    void shouldTradeAtACalendarReviewOnlyWhenOutsideTheBandsForCalendarThreshold() {
        final CalendarSpec daily = new CalendarSpec(CalendarFrequency.DAILY, 1, 1, 1, 16 * 3600, ZoneId.of("UTC"));
        final Driver driver = balanced(TriggerKind.CALENDAR_THRESHOLD, daily);
        driver.quote(SPY, 110).at(Fixtures.T0 + 2 * HOUR).quote(SPY, 110).quote(TLT, 100);
        assertEquals(List.of(), out.triggers);
        driver.quote(SPY, 130);
        assertEquals(List.of(), out.triggers);
        driver.at(Fixtures.T0 + DAY + 2 * HOUR).quote(SPY, 130).quote(TLT, 100);
        assertEquals(1, out.triggers.size());
        assertEquals(TriggerReason.CALENDAR_THRESHOLD, out.triggers.get(0).reason());
    }

    @Test
    void shouldTradeOnThresholdAnyTimeAndOnEveryReviewForThresholdOrCalendar() {
        final CalendarSpec daily = new CalendarSpec(CalendarFrequency.DAILY, 1, 1, 1, 16 * 3600, ZoneId.of("UTC"));
        final Driver driver = balanced(TriggerKind.THRESHOLD_OR_CALENDAR, daily);
        driver.quote(SPY, 125);
        assertEquals(TriggerReason.THRESHOLD, out.triggers.get(0).reason());
        driver.at(Fixtures.T0 + 2 * HOUR).quote(SPY, 110).quote(TLT, 100);
        assertEquals(TriggerReason.CALENDAR, out.triggers.get(1).reason());
    }

    @Test
    void shouldReportStatusForEveryPortfolio() {
        balanced().status();
        assertEquals(1, out.statuses.size());
        assertEquals(money(100_000), out.statuses.get(0).totalValue());
    }
}
