package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.OrderPolicy.WorkingOrderPolicy;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.state.Portfolio;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rebalancer.engine.core.Fixtures.SECOND;
import static io.rebalancer.engine.core.LifecycleScenario.BUY;
import static io.rebalancer.engine.core.LifecycleScenario.REQUEST_TIMEOUT;
import static io.rebalancer.engine.core.LifecycleScenario.SELL;
import static io.rebalancer.engine.core.LifecycleScenario.SPY;
import static io.rebalancer.engine.core.LifecycleScenario.TLT;
import static io.rebalancer.engine.core.LifecycleScenario.policy;
import static io.rebalancer.engine.core.Fixtures.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order lifecycle: states, cumulative quantity and average price, duplicate and out-of-order reports, late
 * fills, cancels (operator, maximum age), cancel/replace when the plan changes, and back-off after venue rejects.
 * The scenario is {@link LifecycleScenario}'s: SPY at 125 breaches and the engine sends order 1 (a sell) and 2 (a buy).
 */
class OrderLifecycleTest {
    private final LifecycleScenario scenario = new LifecycleScenario();
    private final Recorder out = scenario.out;

    private Driver breached(final OrderPolicy policy) {
        return scenario.breached(policy);
    }

    private List<OrderState> statesOf(final long clientOrderId) {
        return scenario.statesOf(clientOrderId);
    }

    @Test
    void shouldWalkAnOrderThroughItsStatesWithCumulativeQuantityAndAveragePrice() {
        final Driver driver = breached(OrderPolicy.KEEP_WORKING);
        driver.done(BUY, ExecType.NEW).fill(BUY, 30, money(100.00)).fill(BUY, 29, money(100.10));

        assertEquals(List.of(OrderState.PENDING_NEW, OrderState.NEW, OrderState.PARTIALLY_FILLED, OrderState.FILLED),
            statesOf(BUY));
        final Recorder.State last = out.states.get(out.states.size() - 1);
        assertEquals(59, last.cumulativeQuantity());
        assertEquals((money(3000.00) + money(2902.90)) / 59, last.averagePrice());
        assertEquals(0, last.leaves());
    }

    @Test
    void shouldNeverBookTheSameExecutionIdTwice() {
        final Driver driver = breached(OrderPolicy.KEEP_WORKING);
        driver.report(BUY, 77, ExecType.TRADE, 20, money(100.00));
        driver.report(BUY, 77, ExecType.TRADE, 20, money(100.00));

        assertEquals(420, scenario.engine.portfolio(0).settledQuantity(TLT));
        assertEquals(39, scenario.engine.portfolio(0).openBuyQuantity(TLT));
        assertEquals(1, scenario.engine.counters().rejects(InputReject.DUPLICATE_EXECUTION));
    }

    @Test
    void shouldNotGoBackToNewWhenTheAcknowledgementArrivesAfterAFill() {
        final Driver driver = breached(OrderPolicy.KEEP_WORKING);
        driver.fill(BUY, 10, money(100.00)).done(BUY, ExecType.NEW);

        assertEquals(List.of(OrderState.PENDING_NEW, OrderState.PARTIALLY_FILLED), statesOf(BUY));
        assertEquals(0, scenario.engine.counters().totalRejects());
    }

    @Test
    void shouldCloseAnOrderOnASingleFullFillWithNoAcknowledgement() {
        final Driver driver = breached(OrderPolicy.KEEP_WORKING);
        driver.fill(SELL, 48, money(125.00));

        assertEquals(List.of(OrderState.PENDING_NEW, OrderState.FILLED), statesOf(SELL));
        assertEquals(552, scenario.engine.portfolio(0).settledQuantity(SPY));
        assertEquals(1, scenario.engine.workingOrders());
    }

    @Test
    void shouldBookAFillThatCrossedTheCancelOnTheWire() {
        final Driver driver = breached(OrderPolicy.KEEP_WORKING);
        final long cashBefore = scenario.engine.portfolio(0).settledCash();
        driver.fill(BUY, 20, money(100.00)).done(BUY, ExecType.CANCELED).fill(BUY, 15, money(100.05));

        final Portfolio p = scenario.engine.portfolio(0);
        assertEquals(435, p.settledQuantity(TLT));
        assertEquals(0, p.openBuyQuantity(TLT));
        assertEquals(cashBefore - money(2000.00) - money(1500.75), p.settledCash());
        assertEquals(1, scenario.engine.counters().get(EngineCounters.LATE_FILLS));
        assertEquals(0, scenario.engine.counters().rejects(InputReject.OVERFILL), "within what the cancel released");
    }

    @Test
    void shouldCancelEveryWorkingOrderOnTheKillSwitchAndReleaseThemWhenTheVenueConfirms() {
        final Driver driver = breached(OrderPolicy.KEEP_WORKING);
        driver.fill(BUY, 9, money(100.00));
        driver.command(Command.SET_TRADING_STATE, -1, TradingState.HALTED.ordinal());
        driver.command(Command.CANCEL_ORDERS, -1, CancelReason.OPERATOR.ordinal());

        assertEquals(List.of(new Recorder.Cancel(driver.time(), 3, SELL, 0, 48),
            new Recorder.Cancel(driver.time(), 4, BUY, 0, 59)), sortedCancels());
        assertEquals(OrderState.PENDING_CANCEL, statesOf(BUY).get(statesOf(BUY).size() - 1));
        // The venue answers with the cancel request's id; a fill for the old id still comes in between.
        driver.fill(BUY, 1, money(100.00)).done(4, ExecType.CANCELED).done(3, ExecType.CANCELED);

        final Portfolio p = scenario.engine.portfolio(0);
        assertEquals(410, p.settledQuantity(TLT));
        assertEquals(0, p.openBuyQuantity(TLT) + p.openSellQuantity(SPY));
        assertEquals(0, scenario.engine.workingOrders());
        assertEquals(List.of(new Recorder.Closed(BUY, 0, ExecType.CANCELED, 49),
            new Recorder.Closed(SELL, 0, ExecType.CANCELED, 48)), out.closed);
        assertEquals(2, out.orders.size(), "halted: nothing new goes out although the breach is back");
    }

    private List<Recorder.Cancel> sortedCancels() {
        return out.cancels.stream().sorted((a, b) -> Long.compare(a.originalId(), b.originalId())).toList();
    }

    @Test
    void shouldCancelOrdersOlderThanTheMaximumAgeAndPlanAgainOnceTheyAreGone() {
        final Driver driver = breached(policy(60 * SECOND, WorkingOrderPolicy.KEEP, 0));
        driver.later(59 * SECOND).timer();
        assertEquals(List.of(), out.cancels);

        driver.later(SECOND).timer();
        assertEquals(2, out.cancels.size());
        assertEquals(List.of(CancelReason.MAX_AGE, CancelReason.MAX_AGE),
            out.cancelRequests.stream().map(Recorder.CancelRequest::reason).toList());
        final int ordersBefore = out.orders.size();
        driver.done(3, ExecType.CANCELED).done(4, ExecType.CANCELED);

        assertTrue(out.orders.size() > ordersBefore, "still breached once the old orders are gone: plans again");
    }

    @Test
    void shouldNotPlanAPortfolioWhileACancelIsOutForIt() {
        final Driver driver = breached(OrderPolicy.KEEP_WORKING);
        driver.command(Command.CANCEL_ORDERS, 0, CancelReason.OPERATOR.ordinal());
        driver.done(4, ExecType.CANCELED);
        driver.command(Command.REBALANCE_NOW, 0, 0);
        assertEquals(2, out.orders.size(), "the sell's cancel is still out");

        driver.done(3, ExecType.CANCELED);
        assertEquals(4, out.orders.size(), "the manual request waited, then ran");
    }

    @Test
    void shouldReplaceAWorkingOrderWhenANewPlanWantsADifferentPriceOnTheSameSide() {
        final Driver driver = breached(policy(0, WorkingOrderPolicy.REPLACE, 0));
        driver.done(SELL, ExecType.NEW).done(BUY, ExecType.NEW);
        driver.later(SECOND).quote(SPY, 130).command(Command.REBALANCE_NOW, 0, 0);

        assertEquals(2, out.orders.size(), "no new orders: the working sell is re-sized and re-priced");
        // The bigger buy the new plan wants is not affordable until the bigger sell is accepted: the buy stays.
        assertEquals(1, out.replaces.size());
        final Recorder.Replace sell = out.replaces.get(0);
        assertEquals(SELL, sell.originalId());
        assertEquals(money(129.87), sell.limitPrice());
        assertTrue(sell.quantity() > 48, "SPY rose further: sell more");
        assertEquals(48, scenario.engine.portfolio(0).openSellQuantity(SPY), "old terms stand until the venue accepts");

        driver.done(sell.requestId(), ExecType.REPLACED);
        assertEquals(sell.quantity(), scenario.engine.portfolio(0).openSellQuantity(SPY));
        driver.fill(sell.requestId(), sell.quantity(), money(129.90));
        assertEquals(600 - sell.quantity(), scenario.engine.portfolio(0).settledQuantity(SPY));
        assertEquals(OrderState.FILLED, statesOf(SELL).get(statesOf(SELL).size() - 1));
    }

    @Test
    void shouldStillBeAbleToCancelAnOrderAfterReplacingItAsOftenAsAllowed() {
        final Driver driver = breached(policy(0, WorkingOrderPolicy.REPLACE, 0));
        long sellId = SELL;
        for (int round = 1; round <= 2; round++) {
            driver.later(SECOND).quote(SPY, 125 + 5 * round).command(Command.REBALANCE_NOW, 0, 0);
            final Recorder.Replace replace = replaceOf(sellId);
            for (final Recorder.Replace any : List.copyOf(out.replaces)) {
                driver.done(any.requestId(), ExecType.REPLACED);
            }
            out.replaces.clear();
            sellId = replace.requestId();
        }
        // A third change of plan cancels the twice-replaced sell instead, and the cancel goes out: room was kept.
        driver.later(SECOND).quote(SPY, 140).command(Command.REBALANCE_NOW, 0, 0);
        final long twiceReplaced = sellId;
        assertEquals(0, out.replaces.stream().filter(r -> r.originalId() == twiceReplaced).count());
        assertEquals(1, out.cancels.stream().filter(c -> c.originalId() == twiceReplaced).count());
    }

    private Recorder.Replace replaceOf(final long currentId) {
        return out.replaces.stream().filter(r -> r.originalId() == currentId).findFirst().orElseThrow();
    }

    @Test
    void shouldCancelAWorkingOrderTheNewPlanNoLongerWants() {
        final Driver driver = breached(policy(0, WorkingOrderPolicy.REPLACE, 0));
        driver.fill(SELL, 48, money(125.00));
        // SPY falls back: the portfolio is now overweight TLT (its buy still working) and wants no more TLT.
        driver.later(SECOND).quote(SPY, 90).command(Command.REBALANCE_NOW, 0, 0);

        assertEquals(1, out.cancels.size());
        assertEquals(BUY, out.cancels.get(0).originalId());
        assertEquals(CancelReason.PLAN_CHANGED, out.cancelRequests.get(0).reason());
        assertEquals(List.of(), out.replaces);
    }

    @Test
    void shouldKeepTheOrderWorkingOnItsOldTermsWhenTheVenueRefusesTheReplace() {
        final Driver driver = breached(policy(0, WorkingOrderPolicy.REPLACE, 0));
        driver.later(SECOND).quote(SPY, 130).command(Command.REBALANCE_NOW, 0, 0);
        final Recorder.Replace sell = out.replaces.get(0);
        driver.done(sell.requestId(), ExecType.CANCEL_REJECTED);

        assertEquals(48, scenario.engine.portfolio(0).openSellQuantity(SPY));
        assertEquals(1, scenario.engine.counters().get(EngineCounters.CANCEL_REJECTS));
        driver.fill(SELL, 48, money(125.00));
        assertEquals(552, scenario.engine.portfolio(0).settledQuantity(SPY));
    }

    @Test
    void shouldSendACancelWantedDuringAReplaceOnceTheVenueAnswersTheReplace() {
        final Driver driver = breached(policy(0, WorkingOrderPolicy.REPLACE, 0));
        driver.later(SECOND).quote(SPY, 130).command(Command.REBALANCE_NOW, 0, 0);
        final Recorder.Replace sell = out.replaces.get(0);
        driver.command(Command.CANCEL_ORDERS, 0, CancelReason.SHUTDOWN.ordinal());
        assertEquals(List.of(BUY), out.cancels.stream().map(Recorder.Cancel::originalId).toList(),
            "the sell has its replace out: one request per order at a time");

        driver.done(sell.requestId(), ExecType.REPLACED);
        assertEquals(1, out.cancels.stream().filter(c -> c.originalId() == sell.requestId()).count(),
            "the cancel names the order by its replaced id");
    }

    @Test
    void shouldResetTheBackOffOnALateFillToo() {
        final Driver driver = breached(policy(0, WorkingOrderPolicy.KEEP, 10 * SECOND));
        driver.done(SELL, ExecType.REJECTED).done(BUY, ExecType.REJECTED);
        driver.later(10 * SECOND).timer();
        driver.done(out.orders.get(2).clientOrderId(), ExecType.REJECTED);
        driver.done(out.orders.get(3).clientOrderId(), ExecType.REJECTED);
        // The venue did trade part of the first sell after all: a late fill, and the venue is working again.
        driver.fill(SELL, 1, money(125.00));
        driver.later(20 * SECOND).timer();
        assertEquals(6, out.orders.size());
        driver.done(out.orders.get(4).clientOrderId(), ExecType.REJECTED);
        driver.later(10 * SECOND).timer();
        assertTrue(out.orders.size() > 6, "the late fill reset the back-off to 10 s");
    }

    @Test
    void shouldGiveUpAReplaceTheVenueNeverAnswersAndPlanThePortfolioAgain() {
        final Driver driver = breached(policy(0, WorkingOrderPolicy.REPLACE, 0));
        driver.later(SECOND).quote(SPY, 130).command(Command.REBALANCE_NOW, 0, 0);
        assertEquals(1, out.replaces.size());
        driver.later(REQUEST_TIMEOUT - SECOND).timer();
        assertEquals(0, scenario.engine.counters().get(EngineCounters.REQUEST_TIMEOUTS));

        driver.later(SECOND).timer();
        assertEquals(1, scenario.engine.counters().get(EngineCounters.REQUEST_TIMEOUTS));
        assertEquals(OrderState.PENDING_NEW, statesOf(SELL).get(statesOf(SELL).size() - 1), "back on its old terms");
        driver.command(Command.REBALANCE_NOW, 0, 0);
        assertEquals(2, out.replaces.size(), "planned again: a lost request does not freeze the portfolio");
    }

    @Test
    void shouldKeepSendingACancelTheVenueNeverAnswersOncePerRequestTimeout() {
        final Driver driver = breached(OrderPolicy.KEEP_WORKING);
        driver.command(Command.SET_TRADING_STATE, -1, TradingState.HALTED.ordinal());
        driver.command(Command.CANCEL_ORDERS, 0, CancelReason.OPERATOR.ordinal());
        assertEquals(2, out.cancels.size());
        for (int round = 0; round < 4; round++) {
            driver.later(REQUEST_TIMEOUT).timer();
        }
        // The first cancel of each order and one more per timeout: the oldest unanswered ids make room.
        assertEquals(10, out.cancels.size());
        assertEquals(List.of(CancelReason.OPERATOR), out.cancelRequests.stream().map(Recorder.CancelRequest::reason)
            .distinct().toList());
        assertEquals(0, scenario.engine.counters().get(EngineCounters.CANCELS_GIVEN_UP));
        assertEquals(8, scenario.engine.counters().get(EngineCounters.REQUEST_TIMEOUTS));
        assertEquals(2, scenario.engine.workingOrders(), "still working as far as the engine knows: nothing invented");
        driver.done(out.cancels.get(9).requestId(), ExecType.CANCELED);
        assertEquals(1, scenario.engine.workingOrders(), "the answer to the last try closes it");
    }


    @Test
    void shouldBackOffAfterVenueRejectsDoublingTheWaitAndResetOnAFill() {
        final Driver driver = breached(policy(0, WorkingOrderPolicy.KEEP, 10 * SECOND));
        driver.done(SELL, ExecType.REJECTED).done(BUY, ExecType.REJECTED);
        driver.later(9 * SECOND).quote(SPY, 125.01);
        assertEquals(2, out.orders.size(), "the breach is back, but the portfolio waits 10 s (one rebalance refused)");
        assertTrue(scenario.engine.counters().get(EngineCounters.BACKOFF_SKIPS) > 0);

        driver.later(SECOND).timer();
        assertEquals(4, out.orders.size(), "planned again once the wait ended");
        driver.done(out.orders.get(2).clientOrderId(), ExecType.REJECTED);
        driver.done(out.orders.get(3).clientOrderId(), ExecType.REJECTED);
        driver.later(19 * SECOND).timer();
        assertEquals(4, out.orders.size(), "a second refused rebalance in a row: 20 s");
        driver.later(SECOND).timer();
        assertEquals(6, out.orders.size());

        driver.fill(out.orders.get(4).clientOrderId(), 1, out.orders.get(4).limitPrice());
        driver.done(out.orders.get(4).clientOrderId(), ExecType.REJECTED);
        driver.later(10 * SECOND).timer();
        assertEquals(Side.SELL, out.orders.get(6).side(), "a fill reset it: back to 10 s");
    }
}
