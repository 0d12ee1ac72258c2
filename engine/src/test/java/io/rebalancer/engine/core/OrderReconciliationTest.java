package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.VenueOrderStatus;
import io.rebalancer.engine.state.Portfolio;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rebalancer.engine.core.Fixtures.SECOND;
import static io.rebalancer.engine.core.Fixtures.money;
import static io.rebalancer.engine.core.LifecycleScenario.BUY;
import static io.rebalancer.engine.core.LifecycleScenario.REQUEST_TIMEOUT;
import static io.rebalancer.engine.core.LifecycleScenario.SELL;
import static io.rebalancer.engine.core.LifecycleScenario.SPY;
import static io.rebalancer.engine.core.LifecycleScenario.TLT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * After a restart the engine asks the venue about every order it holds as working (Command.RECONCILE) and books
 * what the answers say: fills it missed, orders that finished, orders that never left. Orders 1 (sell 48 SPY) and
 * 2 (buy 59 TLT) of {@link LifecycleScenario} are working when it asks.
 */
class OrderReconciliationTest {
    private final LifecycleScenario scenario = new LifecycleScenario();
    private final Recorder out = scenario.out;

    private Driver reconciling() {
        final Driver driver = scenario.breached(OrderPolicy.KEEP_WORKING).command(Command.RECONCILE, -1, 0);
        assertEquals(List.of(SELL, BUY), out.statusRequests, "one status request per working order");
        return driver;
    }

    private Portfolio portfolio() {
        return scenario.engine.portfolio(0);
    }

    private long counter(final int counter) {
        return scenario.engine.counters().get(counter);
    }

    @Test
    void shouldBookAFillTheEngineMissedAtThePriceThatMakesTheVenuesAverageTrue() {
        final Driver driver = reconciling();
        driver.done(BUY, ExecType.NEW).fill(BUY, 20, money(100.00));
        final long cash = portfolio().settledCash();

        // The venue filled 59 in all at an average of 100.05: 20 @ 100.00 booked, so 39 were missed, at the
        // price that makes the average true, 100.07564... rounded to the micro.
        driver.orderStatus(BUY, VenueOrderStatus.FILLED, 59, money(100.05), 0);

        final Recorder.Fill missed = out.fills.get(out.fills.size() - 1);
        assertEquals(39, missed.quantity());
        final long price = (59 * money(100.05) - 20 * money(100.00) + 39 / 2) / 39;
        assertEquals(price, missed.price());
        assertEquals(459, portfolio().settledQuantity(TLT));
        assertEquals(0, portfolio().openBuyQuantity(TLT));
        assertEquals(cash - Fixed.multiply(39, price), portfolio().settledCash());
        assertEquals(List.of(OrderState.PENDING_NEW, OrderState.NEW, OrderState.PARTIALLY_FILLED, OrderState.FILLED),
            scenario.statesOf(BUY));
        assertEquals(1, counter(EngineCounters.RECONCILED_FILLS));
    }

    @Test
    void shouldCloseAnOrderTheVenueNeverReceivedAndNeverSendItAgain() {
        final Driver driver = reconciling();
        final long ordersBefore = out.orders.size();

        driver.orderStatus(SELL, VenueOrderStatus.UNKNOWN, 0, 0, 0);

        assertEquals(List.of(OrderState.PENDING_NEW, OrderState.REJECTED), scenario.statesOf(SELL));
        assertEquals(600, portfolio().settledQuantity(SPY));
        assertEquals(0, portfolio().openSellQuantity(SPY), "the order's quantity is free again");
        assertEquals(1, counter(EngineCounters.ORDERS_NEVER_SENT));
        assertEquals(ordersBefore, out.orders.size(), "still reconciling order 2: nothing new planned");
    }

    @Test
    void shouldPlanNothingUntilEveryOrderIsAnsweredThenTradeAgain() {
        final Driver driver = reconciling();
        driver.later(SECOND).quote(SPY, 140);
        assertEquals(2, out.orders.size(), "no rebalance while answers are awaited");

        driver.orderStatus(SELL, VenueOrderStatus.CANCELED, 0, 0, 48).orderStatus(BUY, VenueOrderStatus.CANCELED, 0,
            0, 59).later(SECOND).quote(SPY, 141);

        assertEquals(4, out.orders.size(), "answered: the drift is rebalanced with new orders and new ids");
        assertEquals(List.of(SELL, BUY, 3L, 4L), out.orders.stream().map(Recorder.Order::clientOrderId).toList());
    }

    @Test
    void shouldKeepAWorkingOrderWorkingAndBookOnlyTheMissingPart() {
        final Driver driver = reconciling();
        driver.done(SELL, ExecType.NEW).fill(SELL, 10, money(125.00));

        driver.orderStatus(SELL, VenueOrderStatus.WORKING, 30, money(125.10), 18);

        assertEquals(570, portfolio().settledQuantity(SPY));
        assertEquals(18, portfolio().openSellQuantity(SPY));
        assertEquals(OrderState.PARTIALLY_FILLED, scenario.statesOf(SELL).get(scenario.statesOf(SELL).size() - 1));
        final Recorder.Fill missed = out.fills.get(out.fills.size() - 1);
        assertEquals(20, missed.quantity());
        assertEquals((30 * money(125.10) - 10 * money(125.00) + 20 / 2) / 20, missed.price(), "rounded to the micro");
    }

    @Test
    void shouldReportADisagreementAndChangeNothingWhenTheVenueShowsLessFilled() {
        final Driver driver = reconciling();
        driver.fill(SELL, 10, money(125.00));

        driver.orderStatus(SELL, VenueOrderStatus.WORKING, 5, money(125.00), 43);

        assertEquals(590, portfolio().settledQuantity(SPY));
        assertEquals(38, portfolio().openSellQuantity(SPY));
        assertEquals(1, scenario.engine.counters().rejects(InputReject.STATUS_MISMATCH));
    }

    @Test
    void shouldResumeTradingWhenTheVenueGivesNoAnswerOrNoneInTime() {
        final Driver driver = reconciling();
        driver.orderStatus(SELL, VenueOrderStatus.NO_ANSWER, 0, 0, 0);
        assertEquals(1, counter(EngineCounters.STATUS_UNANSWERED));

        driver.later(REQUEST_TIMEOUT).timer();

        assertEquals(2, counter(EngineCounters.STATUS_UNANSWERED), "order 2's answer never came");
        assertEquals(2, scenario.engine.workingOrders(), "both orders stay as the engine holds them");
    }
}
