package io.rebalancer.fix;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.OrderPolicy.ShutdownOrders;
import io.rebalancer.engine.domain.OrderPolicy.WorkingOrderPolicy;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.drift.DriftCalculator;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.venue.VenueBehaviour;
import io.rebalancer.venue.VenueCounters;
import io.rebalancer.venue.VenueFill;
import io.rebalancer.venue.VenueSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.field.LastPx;

import java.util.concurrent.TimeUnit;

import static io.rebalancer.fix.SixtyForty.CASH;
import static io.rebalancer.fix.SixtyForty.SPY;
import static io.rebalancer.fix.SixtyForty.SPY_HELD;
import static io.rebalancer.fix.SixtyForty.TLT;
import static io.rebalancer.fix.SixtyForty.TLT_HELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order lifecycle over real QuickFIX/J sessions on loopback, engine to gateway to venue simulator and back:
 * cancel/replace when the plan changes, the kill switch, rejects with back-off, duplicate reports, a venue that
 * drops the session in the middle of a rebalance, and garbled or invalid reports. Whatever the venue does, the
 * engine's books must end equal to the fills the venue executed, each counted once.
 */
class FixLifecycleSystemTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long BACKOFF = 3 * SECOND;

    private final RecordingListener recorder = new RecordingListener();
    private FixLoop loop;
    private FixGateway gateway;
    private VenueSimulator venue;
    private Engine engine;

    @AfterEach
    void tearDown() {
        if (loop != null) {
            loop.close();
        }
    }

    @Test
    @Timeout(45)
    void shouldReplaceAWorkingOrderOverFixWhenThePlanChangesAndBookItsFillsUnderTheNewId()
        throws InterruptedException {
        start(policy(WorkingOrderPolicy.REPLACE, 0), VenueBehaviour.DEFAULT);
        SixtyForty.publishInsideBands(loop);
        // The venue's bid sits under every sell limit, so the SPY sell rests.
        loop.quoteAtVenue(SPY, price("139.00"), price("139.02"));
        loop.publisher().tick(loop.clock().nanoTime(), SPY, price("140.27"), price("140.29"), price("140.28"));
        loop.await(() -> recorder.sent.size() == 2 && recorder.closed.size() == 1);

        loop.publisher().tick(loop.clock().nanoTime(), SPY, price("145.00"), price("145.02"), price("145.01"));
        loop.publisher().command(loop.clock().nanoTime(), Command.REBALANCE_NOW, 0, 0);
        loop.await(() -> venue.counters().get(VenueCounters.REPLACES) == 1);
        assertEquals(2, recorder.sent.size(), "re-priced and re-sized, not a second order");

        loop.quoteAtVenue(SPY, price("145.00"), price("145.02"));
        loop.await(() -> recorder.closed.size() == recorder.sent.size());
        stop();
        assertEquals(1, gateway.counters().get(GatewayCounters.REPLACES_SENT));
        assertBooksEqualTheVenuesFills();
        assertTrue(recorder.closed.stream().allMatch(c -> c.execType() == ExecType.TRADE), "both orders filled");
    }

    @Test
    @Timeout(45)
    void shouldCancelEveryWorkingOrderAtTheVenueOnTheKillSwitch() throws InterruptedException {
        start(policy(WorkingOrderPolicy.KEEP, 0), VenueBehaviour.DEFAULT);
        SixtyForty.publishInsideBands(loop);
        // Neither side is marketable at the venue: both orders rest.
        loop.quoteAtVenue(SPY, price("139.00"), price("139.02"));
        loop.quoteAtVenue(TLT, price("51.00"), price("51.02"));
        loop.publisher().tick(loop.clock().nanoTime(), SPY, price("140.27"), price("140.29"), price("140.28"));
        loop.await(() -> recorder.sent.size() == 2 && venue.counters().get(VenueCounters.ACKS) == 2);

        loop.publisher().command(loop.clock().nanoTime(), Command.SET_TRADING_STATE, -1,
            TradingState.HALTED.ordinal());
        loop.publisher().command(loop.clock().nanoTime(), Command.CANCEL_ORDERS, -1, CancelReason.OPERATOR.ordinal());
        loop.await(() -> recorder.closed.size() == 2);
        stop();
        assertEquals(2, venue.counters().get(VenueCounters.CANCELS));
        assertTrue(recorder.closed.stream().allMatch(c -> c.execType() == ExecType.CANCELED));
        assertEquals(0, engine.workingOrders());
        assertBooksEqualTheVenuesFills();
        assertEquals(CASH, engine.portfolio(0).effectiveCash());
    }

    @Test
    @Timeout(45)
    void shouldBackOffAfterTheVenueRejectsAndTradeAgainOnceTheWaitIsOver() throws InterruptedException {
        // Three seconds of back-off: the check below comes well inside the wait, the sleep after it well past it.
        start(policy(WorkingOrderPolicy.KEEP, BACKOFF), VenueBehaviour.builder().rejectProbability(1.0).build());
        SixtyForty.publishInsideBands(loop);
        publishBreach();
        loop.await(() -> recorder.sent.size() == 2 && recorder.closed.size() == 2);
        final long rejectedAt = loop.clock().nanoTime();
        final long ticks = engine.counters().get(EngineCounters.TICKS);
        for (int i = 0; i < 5; i++) {
            publishBreach();
        }
        loop.await(() -> engine.counters().get(EngineCounters.TICKS) >= ticks + 10
            && engine.counters().get(EngineCounters.BACKOFF_SKIPS) > 0);
        // The engine judges a batch after its last tick is counted: give that judgement time to send, if it would.
        Thread.sleep(100);
        assertEquals(2, recorder.sent.size(), () -> "held back while the venue refuses; checked "
            + TimeUnit.NANOSECONDS.toMillis(loop.clock().nanoTime() - rejectedAt) + " ms after the rejects");
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(BACKOFF) + 100);
        publishBreach();
        loop.await(() -> recorder.sent.size() > 2);
        stop();
        assertTrue(recorder.closed.stream().allMatch(c -> c.execType() == ExecType.REJECTED));
        assertBooksEqualTheVenuesFills();
    }

    @Test
    @Timeout(45)
    void shouldNeverCountAFillTwiceWhenTheVenueSendsEveryReportTwice() throws InterruptedException {
        start(policy(WorkingOrderPolicy.KEEP, 0), VenueBehaviour.builder().partialFills(true)
            .duplicateProbability(1.0).duplicatesPossDup(false).build());
        SixtyForty.publishInsideBands(loop);
        publishBreach();
        loop.await(() -> !recorder.sent.isEmpty() && recorder.closed.size() == recorder.sent.size()
            && venue.counters().get(VenueCounters.DUPLICATES)
            >= venue.counters().get(VenueCounters.ACKS) + venue.counters().get(VenueCounters.FILLS));
        Thread.sleep(100);
        stop();
        assertTrue(engine.counters().rejects(InputReject.DUPLICATE_EXECUTION) >= venue.executedFills().size(),
            "every copy of a fill refused");
        assertEquals(venue.executedFills().size(), recorder.fills.size());
        assertBooksEqualTheVenuesFills();
        assertInsideBands();
    }

    @Test
    @Timeout(60)
    void shouldLoseNoFillAndCountNoneTwiceWhenTheVenueDropsTheSessionMidRebalance() throws InterruptedException {
        start(policy(WorkingOrderPolicy.KEEP, 0), VenueBehaviour.builder().partialFills(true)
            .fillDelayNanos(20_000_000).partialGapNanos(50_000_000).disconnectEveryOrders(1).seed(7).build());
        SixtyForty.publishInsideBands(loop);
        // Keep the market ticking, so whatever comes back rejected (sent while down) is planned again.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        long quietSince = System.nanoTime();
        int lastEvents = -1;
        while (System.nanoTime() < deadline) {
            publishBreach();
            Thread.sleep(100);
            final int events = recorder.sent.size() + recorder.fills.size() + recorder.closed.size();
            if (events != lastEvents) {
                lastEvents = events;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(2) && gateway.isConnected()
                && !recorder.fills.isEmpty() && recorder.closed.size() == recorder.sent.size()) {
                break;
            }
        }
        stop();
        assertTrue(venue.counters().get(VenueCounters.DISCONNECTS) > 0, "the venue dropped the session");
        assertTrue(gateway.counters().get(GatewayCounters.LOGONS) > 1, "and the gateway logged on again");
        assertEquals(recorder.sent.size(), recorder.closed.size(), "every order reached a final state");
        assertBooksEqualTheVenuesFills();
        assertInsideBands();
    }

    @Test
    @Timeout(45)
    void shouldRefuseGarbledAndInvalidReportsAndKeepBookingGoodOnes() throws InterruptedException {
        start(policy(WorkingOrderPolicy.KEEP, 0), VenueBehaviour.DEFAULT);
        SixtyForty.publishInsideBands(loop);
        publishBreach();
        loop.await(() -> !recorder.sent.isEmpty() && recorder.closed.size() == recorder.sent.size());
        final String first = Long.toString(recorder.sent.get(0).clientOrderId());
        assertTrue(venue.injectBadChecksum(first) > 0);
        assertTrue(venue.injectBadBodyLength(first) > 0);
        assertTrue(venue.injectReportWithout(first, LastPx.FIELD) > 0);
        assertTrue(venue.injectNonNumericLastPx(first) > 0);
        assertTrue(venue.injectUnknownClOrdId("999999") > 0);
        // The garbled frames are dropped by QuickFIX/J (and the gap they leave filled); the report with a
        // non-numeric price is refused by its validation; the engine refuses the fill without a price and the one
        // for an order it never sent, and counts both.
        loop.await(() -> engine.counters().rejects(InputReject.UNKNOWN_ORDER) == 1
            && engine.counters().rejects(InputReject.INVALID_EXECUTION) == 1);

        // Still trading: a new breach the other way is planned, sent and filled.
        final int before = recorder.sent.size();
        loop.publish(SPY, price("90.00"), price("90.02"));
        loop.await(() -> recorder.sent.size() > before && recorder.closed.size() == recorder.sent.size());
        stop();
        assertEquals(0, engine.counters().get(EngineCounters.FAULTS));
        assertBooksEqualTheVenuesFills();
    }

    private void start(final OrderPolicy policy, final VenueBehaviour behaviour) throws InterruptedException {
        loop = new FixLoop(SixtyForty.config(policy), recorder);
        loop.start(behaviour);
        gateway = loop.gateway();
        venue = loop.venue();
        engine = loop.engine();
    }

    private void stop() {
        assertTrue(loop.stop());
    }

    /**
     * The truth is what the venue executed, each fill once: holdings and cash computed from it alone must equal
     * the engine's, and nothing may still be counted as working.
     */
    private void assertBooksEqualTheVenuesFills() {
        long spy = SPY_HELD;
        long tlt = TLT_HELD;
        long cash = CASH;
        for (final VenueFill fill : venue.executedFills()) {
            final long signed = fill.side() == '1' ? fill.quantity() : -fill.quantity();
            if ("SPY".equals(fill.symbol())) {
                spy += signed;
            } else {
                tlt += signed;
            }
            cash -= signed * fill.price();
        }
        final Portfolio portfolio = engine.portfolio(0);
        assertEquals(spy, portfolio.settledQuantity(SPY), "SPY");
        assertEquals(tlt, portfolio.settledQuantity(TLT), "TLT");
        assertEquals(cash, portfolio.settledCash(), "cash");
        assertEquals(0, portfolio.openOrders());
        assertEquals(portfolio.settledQuantity(SPY), portfolio.effectiveQuantity(SPY));
        assertEquals(portfolio.settledQuantity(TLT), portfolio.effectiveQuantity(TLT));
        assertEquals(0, engine.counters().rejects(InputReject.OVERFILL));
        assertEquals(0, engine.counters().get(EngineCounters.FAULTS));
    }

    private void assertInsideBands() {
        final DriftCalculator drift = new DriftCalculator();
        assertEquals(DriftStatus.OK, drift.evaluate(engine.portfolio(0), engine.prices(), engine.now(),
            loop.config().settings().maxPriceAgeNanos()));
        assertTrue(drift.ratio() < 1.0, () -> "ends inside its bands, drift ratio " + drift.ratio());
    }

    /** SPY to 140.28: about 67% against a 60% target with a 5-point band. */
    private void publishBreach() {
        loop.publish(SPY, price("140.27"), price("140.29"));
        loop.publish(TLT, price("50.12"), price("50.14"));
    }

    private static long price(final String text) {
        return Fixed.parse(text);
    }

    private static OrderPolicy policy(final WorkingOrderPolicy working, final long rejectBackoffNanos) {
        return new OrderPolicy(0, working, ShutdownOrders.CANCEL, rejectBackoffNanos, 4 * rejectBackoffNanos,
            30 * SECOND);
    }
}
