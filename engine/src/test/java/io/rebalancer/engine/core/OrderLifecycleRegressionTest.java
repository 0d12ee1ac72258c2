package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.OrderPolicy.WorkingOrderPolicy;
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
import static io.rebalancer.engine.core.Fixtures.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regressions found by a review of the order lifecycle: reports that arrive exactly at a request's timeout, replaces
 * accepted after the engine gave up waiting, a replace-down that over-committed cash, a waiting cancel sent for an
 * order that had just finished, orders that could no longer be cancelled, and age cancels retried at once.
 */
class OrderLifecycleRegressionTest {
    private final LifecycleScenario scenario = new LifecycleScenario();
    private final Recorder out = scenario.out;

    private Driver breached(final OrderPolicy policy) {
        return scenario.breached(policy);
    }

    private static OrderPolicy replace() {
        return LifecycleScenario.policy(0, WorkingOrderPolicy.REPLACE, 0);
    }

    @Test
    void shouldBookAReplacedThatArrivesExactlyAtTheRequestTimeout() {
        final Driver driver = breached(replace());
        driver.done(SELL, ExecType.NEW).done(BUY, ExecType.NEW);
        driver.later(SECOND).quote(SPY, 130).command(Command.REBALANCE_NOW, 0, 0);
        final Recorder.Replace sell = out.replaces.get(0);
        driver.later(REQUEST_TIMEOUT).done(sell.requestId(), ExecType.REPLACED);

        assertEquals(0, scenario.engine.counters().totalRejects(), "the engine accepted the REPLACED");
        assertEquals(List.of(), out.states.stream().filter(st -> st.clientOrderId() == SELL
            && st.state() == OrderState.FILLED).toList(), "nothing traded: order 1 must not close as FILLED");
        assertEquals(2, out.orders.size(), "the replaced sell still works at the venue: no second sell");
    }

    /** A CANCEL_REJECTED stamped at the timeout is the answer: booked, and only the unanswered cancel is re-sent. */
    @Test
    void shouldBookACancelRejectThatArrivesExactlyAtTheRequestTimeout() {
        final Driver driver = breached(OrderPolicy.KEEP_WORKING);
        driver.command(Command.CANCEL_ORDERS, 0, CancelReason.OPERATOR.ordinal());
        final Recorder.Cancel first = out.cancels.stream().filter(c -> c.originalId() == SELL).findFirst()
            .orElseThrow();
        driver.later(REQUEST_TIMEOUT).done(first.requestId(), ExecType.CANCEL_REJECTED);
        assertEquals(1, out.cancels.stream().filter(c -> c.originalId() == SELL).count(), "answered: not re-sent");
        assertEquals(2, out.cancels.stream().filter(c -> c.originalId() == BUY).count(), "unanswered: re-sent");
        assertEquals(0, scenario.engine.counters().totalRejects());
        // Two orders never acknowledged and the buy's second cancel.
        assertEquals(3, scenario.engine.awaitingVenue());
    }

    /** A refused cancel for age is tried again after the request timeout, not on the next event. */
    @Test
    void shouldRetryARefusedAgeCancelOnlyAfterTheRequestTimeout() {
        final Driver driver = breached(LifecycleScenario.policy(60 * SECOND, WorkingOrderPolicy.KEEP, 0));
        driver.later(60 * SECOND).timer();
        final Recorder.Cancel first = out.cancels.stream().filter(c -> c.originalId() == SELL).findFirst()
            .orElseThrow();
        driver.later(1_000_000L).done(first.requestId(), ExecType.CANCEL_REJECTED);
        driver.later(1_000_000L).timer();
        assertEquals(1, out.cancels.stream().filter(c -> c.originalId() == SELL).count(), "not at once");
        driver.later(REQUEST_TIMEOUT).timer();
        assertEquals(2, out.cancels.stream().filter(c -> c.originalId() == SELL).count(), "after the timeout");
        assertEquals(0, scenario.engine.counters().get(EngineCounters.CANCELS_GIVEN_UP), "never given up");
    }

    /** A replace accepted after the engine gave up waiting is booked: the venue is the record. */
    @Test
    void shouldBookAReplaceTheVenueAcceptsAfterTheEngineGaveUpWaiting() {
        final Driver driver = breached(replace());
        driver.done(SELL, ExecType.NEW).done(BUY, ExecType.NEW);
        driver.later(SECOND).quote(SPY, 120).command(Command.REBALANCE_NOW, 0, 0);
        final Recorder.Replace sell = out.replaces.stream().filter(r -> r.originalId() == SELL).findFirst()
            .orElseThrow();
        assertTrue(sell.quantity() < 48);
        driver.later(REQUEST_TIMEOUT).timer();
        driver.later(SECOND).done(sell.requestId(), ExecType.REPLACED);
        driver.fill(sell.requestId(), sell.quantity(), sell.limitPrice());

        assertEquals(600 - sell.quantity(), scenario.engine.portfolio(0).settledQuantity(SPY));
        assertEquals(0, scenario.engine.portfolio(0).openSellQuantity(SPY), "the venue's order is fully filled");
    }

    /** The buy phase does not spend proceeds a sell replaced down will no longer raise. */
    @Test
    void shouldNotOverCommitCashWhenASellIsReplacedDown() {
        final Driver driver = breached(replace());
        driver.done(SELL, ExecType.NEW).done(BUY, ExecType.NEW);
        driver.later(SECOND).quote(SPY, 120).command(Command.REBALANCE_NOW, 0, 0);
        for (final Recorder.Replace r : List.copyOf(out.replaces)) {
            driver.done(r.requestId(), ExecType.REPLACED);
        }
        final Portfolio p = scenario.engine.portfolio(0);
        assertTrue(p.effectiveCash() >= 0, "committed more than the cash the sells raise: " + p.effectiveCash());
    }

    /** A cancel waiting behind a replace is dropped when the accepted replace leaves nothing to cancel. */
    @Test
    void shouldNotSendTheWaitingCancelForAnOrderTheReplaceFinishes() {
        final Driver driver = breached(replace());
        driver.done(SELL, ExecType.NEW).done(BUY, ExecType.NEW);
        driver.later(SECOND).quote(SPY, 120).command(Command.REBALANCE_NOW, 0, 0);
        final Recorder.Replace sell = out.replaces.stream().filter(r -> r.originalId() == SELL).findFirst()
            .orElseThrow();
        driver.fill(SELL, sell.quantity(), money(125.00));
        driver.command(Command.CANCEL_ORDERS, 0, CancelReason.OPERATOR.ordinal());
        final int cancelsBefore = (int)out.cancels.stream().filter(c -> c.originalId() != BUY).count();
        driver.done(sell.requestId(), ExecType.REPLACED);

        assertEquals(OrderState.FILLED, out.states.stream().filter(s -> s.clientOrderId() == SELL)
            .reduce((a, b) -> b).orElseThrow().state());
        assertEquals(cancelsBefore, out.cancels.stream().filter(c -> c.originalId() != BUY).count(),
            "no cancel for an order that just filled: " + out.cancels);
    }

    /** Refused cancels free their ids: the kill switch can always cancel a working order. */
    @Test
    void shouldStillCancelOnTheKillSwitchAfterTheVenueRefusedEarlierCancels() {
        final Driver driver = breached(OrderPolicy.KEEP_WORKING);
        for (int round = 0; round < 3; round++) {
            driver.command(Command.CANCEL_ORDERS, 0, CancelReason.OPERATOR.ordinal());
            final Recorder.Cancel last = out.cancels.stream().filter(c -> c.originalId() == SELL)
                .reduce((a, b) -> b).orElseThrow();
            driver.done(last.requestId(), ExecType.CANCEL_REJECTED);
        }
        final long before = out.cancels.stream().filter(c -> c.originalId() == SELL).count();
        driver.command(Command.CANCEL_ORDERS, 0, CancelReason.OPERATOR.ordinal());
        assertEquals(before + 1, out.cancels.stream().filter(c -> c.originalId() == SELL).count(),
            "the kill switch must still send a cancel for a working order");
    }
}
