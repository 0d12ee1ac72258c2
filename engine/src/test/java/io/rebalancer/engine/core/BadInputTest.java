package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rebalancer.engine.core.Fixtures.SECOND;
import static io.rebalancer.engine.core.Fixtures.money;
import static io.rebalancer.engine.core.Fixtures.portfolio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every kind of bad input is refused with its reason, counted, moves no price or holding, sends no order,
 * and leaves the engine able to trade on the next good input.
 */
class BadInputTest {
    private static final int SPY = 0;
    private static final int TLT = 1;

    private final Recorder out = new Recorder();
    private final EngineConfig config = Fixtures.config(2, portfolio("balanced")
        .asset(SPY, 600, 60, 5).asset(TLT, 400, 40, 5));
    private final Engine engine = new Engine(config, out, out);
    private final Driver driver = new Driver(engine).quote(SPY, 100).quote(TLT, 100);

    private void assertRefused(final InputReject reason, final Runnable input) {
        final long markBefore = engine.prices().mark(SPY);
        final long valueBefore = engine.portfolio(0).totalValue();
        out.clear();
        input.run();
        assertEquals(1, out.rejects.size(), () -> "rejects " + out.rejects);
        assertEquals(reason, out.rejects.get(0).reason());
        assertEquals(1, engine.counters().rejects(reason));
        assertEquals(List.of(), out.orders);
        assertEquals(markBefore, engine.prices().mark(SPY));
        assertEquals(valueBefore, engine.portfolio(0).totalValue());
        assertStillTrades();
    }

    private void assertStillTrades() {
        final long rejectsBefore = engine.counters().totalRejects();
        driver.later(SECOND).quote(TLT, 100.5);
        assertEquals(rejectsBefore, engine.counters().totalRejects());
        assertEquals(money(100.5), engine.prices().mark(TLT));
        assertFalse(engine.portfolio(0).hasOverflow());
        if (engine.workingOrders() == 0) {
            driver.quote(SPY, 125);
            assertEquals(2, out.orders.size(), "a breach after the bad input must still trade");
        }
    }

    @Test
    void shouldTradeNormallyOnGoodInputAfterAStormOfBadInput() {
        driver.tickMicros(SPY, Fixed.fromDouble(Double.NaN), 0, 0).tickMicros(SPY, 0, 0, 0)
            .tickMicros(SPY, money(-5), money(5), 0).tickMicros(SPY, money(9), money(8), 0)
            .tickMicros(SPY, money(5_000_000), money(5_000_000), 0).quote(42, 100).fill(77, 1, money(1))
            .command(1234, 0, 0).later(-SECOND).quote(SPY, 300).later(2 * SECOND);
        assertEquals(9, engine.counters().totalRejects());
        assertEquals(List.of(), out.orders);
        driver.quote(SPY, 125);
        assertEquals(2, out.orders.size());
    }

    @Test
    void shouldRefuseANotANumberPrice() {
        assertRefused(InputReject.NOT_A_NUMBER,
            () -> driver.tickMicros(SPY, Fixed.fromDouble(Double.NaN), money(200), money(200)));
    }

    @Test
    void shouldRefuseAnInfinitePrice() {
        assertRefused(InputReject.NOT_A_NUMBER,
            () -> driver.tickMicros(SPY, money(1), Fixed.fromDouble(Double.POSITIVE_INFINITY), 0));
    }

    @Test
    void shouldRefuseAZeroPrice() {
        assertRefused(InputReject.NON_POSITIVE_PRICE, () -> driver.tickMicros(SPY, 0, 0, 0));
    }

    @Test
    void shouldRefuseANegativePrice() {
        assertRefused(InputReject.NON_POSITIVE_PRICE, () -> driver.tickMicros(SPY, money(-1), money(1), money(1)));
    }

    @Test
    void shouldRefuseACrossedQuote() {
        assertRefused(InputReject.CROSSED_QUOTE, () -> driver.tickMicros(SPY, money(101), money(100), 0));
    }

    @Test
    void shouldRefuseAnAbsurdPrice() {
        assertRefused(InputReject.ABSURD_PRICE,
            () -> driver.tickMicros(SPY, money(2_000_000), money(2_000_001), money(2_000_000)));
    }

    @Test
    void shouldRefuseATickForAnUnknownInstrument() {
        assertRefused(InputReject.UNKNOWN_INSTRUMENT, () -> driver.quote(7, 100));
        assertEquals(7, out.rejects.get(0).subject());
    }

    @Test
    void shouldRefuseATickWithANegativeInstrumentId() {
        assertRefused(InputReject.UNKNOWN_INSTRUMENT, () -> driver.quote(-1, 100));
    }

    @Test
    void shouldRefuseATickOlderThanTheLastOneForTheSameInstrument() {
        assertRefused(InputReject.TIME_REGRESSION, () -> driver.later(-SECOND).quote(SPY, 150));
    }

    @Test
    void shouldRefuseATimerFromThePast() {
        driver.later(10 * SECOND).timer();
        assertRefused(InputReject.TIME_REGRESSION, () -> driver.later(-5 * SECOND).timer());
    }

    @Test
    void shouldRefuseAFillForAnUnknownOrder() {
        assertRefused(InputReject.UNKNOWN_ORDER, () -> driver.fill(12345, 10, money(100)));
        assertEquals(12345, out.rejects.get(0).subject());
    }

    @Test
    void shouldRefuseAFillWithZeroQuantityOrNegativePrice() {
        driver.quote(SPY, 125);
        final long orderId = out.orders.get(0).clientOrderId();
        assertRefused(InputReject.INVALID_EXECUTION, () -> driver.fill(orderId, 0, money(100)));
        out.clear();
        driver.fill(orderId, 5, money(-1));
        assertEquals(InputReject.INVALID_EXECUTION, out.rejects.get(0).reason());
        assertEquals(List.of(), out.fills);
    }

    @Test
    void shouldRefuseAnUnknownExecType() {
        driver.quote(SPY, 125);
        final long orderId = out.orders.get(0).clientOrderId();
        out.clear();
        engine.onEvent(new InboundEvent().execution(driver.time(), orderId, 1, 99, 1, money(1), 0), 1_000, true);
        assertEquals(InputReject.INVALID_EXECUTION, out.rejects.get(0).reason());
    }

    @Test
    void shouldRefuseAnUnknownCommandAndAnOutOfRangeArgument() {
        assertRefused(InputReject.INVALID_COMMAND, () -> driver.command(99, -1, 0));
        out.clear();
        driver.command(Command.SET_TRADING_STATE, -1, 17);
        driver.command(Command.REBALANCE_NOW, 5, 0);
        assertEquals(3, engine.counters().rejects(InputReject.INVALID_COMMAND));
    }

    @Test
    void shouldBookAnOverfillAsTheVenueReportsItAndFlagIt() {
        driver.quote(SPY, 125);
        final Recorder.Order sell = out.orders.get(0);
        driver.fill(sell.clientOrderId(), sell.quantity() + 10, money(125));
        assertEquals(600 - sell.quantity() - 10, engine.portfolio(0).settledQuantity(0));
        assertEquals(1, engine.counters().rejects(InputReject.OVERFILL));
        assertEquals(List.of(new Recorder.Closed(sell.clientOrderId(), 0, ExecType.TRADE, 0)), out.closed);
    }

    @Test
    void shouldBookAFillForAnOrderThatAlreadyFilledAsAFlaggedOverfill() {
        driver.quote(SPY, 125);
        final Recorder.Order sell = out.orders.get(0);
        driver.fill(sell.clientOrderId(), sell.quantity(), money(125));
        driver.fill(sell.clientOrderId(), 1, money(125));
        assertEquals(600 - sell.quantity() - 1, engine.portfolio(0).settledQuantity(0), "the venue is the record");
        assertEquals(1, engine.counters().rejects(InputReject.OVERFILL));
        assertEquals(1, engine.counters().get(EngineCounters.LATE_FILLS));
    }

    @Test
    void shouldRefuseAnAcknowledgementOrCancelForAnOrderThatAlreadyFinished() {
        driver.quote(SPY, 125);
        final Recorder.Order sell = out.orders.get(0);
        driver.fill(sell.clientOrderId(), sell.quantity(), money(125));
        assertRefused(InputReject.ORDER_FINISHED, () -> driver.done(sell.clientOrderId(), ExecType.NEW));
        driver.done(sell.clientOrderId(), ExecType.CANCELED);
        assertEquals(2, engine.counters().rejects(InputReject.ORDER_FINISHED));
    }
}
