package io.rebalancer.fix;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.OrderPolicy.ShutdownOrders;
import io.rebalancer.engine.domain.OrderPolicy.WorkingOrderPolicy;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.drift.DriftCalculator;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.EngineTopology;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.venue.VenueBehaviour;
import io.rebalancer.venue.VenueCounters;
import io.rebalancer.venue.VenueFill;
import io.rebalancer.venue.VenueSimulator;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.MemoryStoreFactory;
import quickfix.field.LastPx;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order lifecycle over real QuickFIX/J sessions on loopback, engine to gateway to venue simulator and back:
 * cancel/replace when the plan changes, the kill switch, rejects with back-off, duplicate reports, a venue that
 * drops the session in the middle of a rebalance, and garbled or invalid reports. Whatever the venue does, the
 * engine's books must end equal to the fills the venue executed, each counted once.
 */
class FixLifecycleSystemTest {
    private static final int SPY = 0;
    private static final int TLT = 1;
    private static final long CASH = 1_000_000_000L;
    private static final long SPY_HELD = 600;
    private static final long TLT_HELD = 800;
    private static final long SECOND = 1_000_000_000L;

    private final EpochNanoClock clock = new SystemEpochNanoClock();
    private final LatestQuotes quotes = new LatestQuotes(2);
    private final RecordingListener recorder = new RecordingListener();
    private final int port = FixTestSettings.freePort();
    private EngineConfig config;
    private VenueSimulator venue;
    private FixGateway gateway;
    private EngineTopology topology;
    private Engine engine;

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (venue != null) {
            venue.close();
        }
        if (topology != null) {
            topology.stop(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(30)
    void shouldReplaceAWorkingOrderOverFixWhenThePlanChangesAndBookItsFillsUnderTheNewId()
        throws InterruptedException {
        start(policy(WorkingOrderPolicy.REPLACE, 0), VenueBehaviour.DEFAULT);
        publishInsideBands();
        // The venue's bid sits under every sell limit, so the SPY sell rests.
        quotes.update(SPY, price("139.00"), price("139.02"), clock.nanoTime());
        topology.publisher().tick(clock.nanoTime(), SPY, price("140.27"), price("140.29"), price("140.28"));
        await(() -> recorder.sent.size() == 2 && recorder.closed.size() == 1);

        topology.publisher().tick(clock.nanoTime(), SPY, price("145.00"), price("145.02"), price("145.01"));
        topology.publisher().command(clock.nanoTime(), Command.REBALANCE_NOW, 0, 0);
        await(() -> venue.counters().get(VenueCounters.REPLACES) == 1);
        assertEquals(2, recorder.sent.size(), "re-priced and re-sized, not a second order");

        quotes.update(SPY, price("145.00"), price("145.02"), clock.nanoTime());
        await(() -> recorder.closed.size() == recorder.sent.size());
        stop();
        assertEquals(1, gateway.counters().get(GatewayCounters.REPLACES_SENT));
        assertBooksEqualTheVenuesFills();
        assertTrue(recorder.closed.stream().allMatch(c -> c.execType() == ExecType.TRADE), "both orders filled");
    }

    @Test
    @Timeout(30)
    void shouldCancelEveryWorkingOrderAtTheVenueOnTheKillSwitch() throws InterruptedException {
        start(policy(WorkingOrderPolicy.KEEP, 0), VenueBehaviour.DEFAULT);
        publishInsideBands();
        // Neither side is marketable at the venue: both orders rest.
        quotes.update(SPY, price("139.00"), price("139.02"), clock.nanoTime());
        quotes.update(TLT, price("51.00"), price("51.02"), clock.nanoTime());
        topology.publisher().tick(clock.nanoTime(), SPY, price("140.27"), price("140.29"), price("140.28"));
        await(() -> recorder.sent.size() == 2 && venue.counters().get(VenueCounters.ACKS) == 2);

        topology.publisher().command(clock.nanoTime(), Command.SET_TRADING_STATE, -1,
            TradingState.HALTED.ordinal());
        topology.publisher().command(clock.nanoTime(), Command.CANCEL_ORDERS, -1, CancelReason.OPERATOR.ordinal());
        await(() -> recorder.closed.size() == 2);
        stop();
        assertEquals(2, venue.counters().get(VenueCounters.CANCELS));
        assertTrue(recorder.closed.stream().allMatch(c -> c.execType() == ExecType.CANCELED));
        assertEquals(0, engine.workingOrders());
        assertBooksEqualTheVenuesFills();
        assertEquals(CASH, engine.portfolio(0).effectiveCash());
    }

    @Test
    @Timeout(30)
    void shouldBackOffAfterTheVenueRejectsAndTradeAgainOnceTheWaitIsOver() throws InterruptedException {
        start(policy(WorkingOrderPolicy.KEEP, 2 * SECOND), VenueBehaviour.builder().rejectProbability(1.0).build());
        publishInsideBands();
        publishBreach();
        await(() -> recorder.sent.size() == 2 && recorder.closed.size() == 2);
        final long rejectedAt = clock.nanoTime();
        for (int i = 0; i < 5; i++) {
            publishBreach();
        }
        await(() -> engine.counters().get(EngineCounters.BACKOFF_SKIPS) > 0);
        if (clock.nanoTime() - rejectedAt < SECOND) {
            assertEquals(2, recorder.sent.size(), "held back while the venue refuses");
        }
        Thread.sleep(2_100);
        publishBreach();
        await(() -> recorder.sent.size() > 2);
        stop();
        assertTrue(recorder.closed.stream().allMatch(c -> c.execType() == ExecType.REJECTED));
        assertBooksEqualTheVenuesFills();
    }

    @Test
    @Timeout(30)
    void shouldNeverCountAFillTwiceWhenTheVenueSendsEveryReportTwice() throws InterruptedException {
        start(policy(WorkingOrderPolicy.KEEP, 0), VenueBehaviour.builder().partialFills(true)
            .duplicateProbability(1.0).duplicatesPossDup(false).build());
        publishInsideBands();
        publishBreach();
        await(() -> !recorder.sent.isEmpty() && recorder.closed.size() == recorder.sent.size()
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
        publishInsideBands();
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
    @Timeout(30)
    void shouldRefuseGarbledAndInvalidReportsAndKeepBookingGoodOnes() throws InterruptedException {
        start(policy(WorkingOrderPolicy.KEEP, 0), VenueBehaviour.DEFAULT);
        publishInsideBands();
        publishBreach();
        await(() -> !recorder.sent.isEmpty() && recorder.closed.size() == recorder.sent.size());
        final String first = Long.toString(recorder.sent.get(0).clientOrderId());
        assertTrue(venue.injectBadChecksum(first) > 0);
        assertTrue(venue.injectBadBodyLength(first) > 0);
        assertTrue(venue.injectReportWithout(first, LastPx.FIELD) > 0);
        assertTrue(venue.injectNonNumericLastPx(first) > 0);
        assertTrue(venue.injectUnknownClOrdId("999999") > 0);
        // The garbled frames are dropped by QuickFIX/J (and the gap they leave filled); the report with a
        // non-numeric price is refused by its validation; the engine refuses the fill without a price and the one
        // for an order it never sent, and counts both.
        await(() -> engine.counters().rejects(InputReject.UNKNOWN_ORDER) == 1
            && engine.counters().rejects(InputReject.INVALID_EXECUTION) == 1);

        // Still trading: a new breach the other way is planned, sent and filled.
        final int before = recorder.sent.size();
        publish(SPY, price("90.00"), price("90.02"));
        await(() -> recorder.sent.size() > before && recorder.closed.size() == recorder.sent.size());
        stop();
        assertEquals(0, engine.counters().get(EngineCounters.FAULTS));
        assertBooksEqualTheVenuesFills();
    }

    private void start(final OrderPolicy policy, final VenueBehaviour behaviour) throws InterruptedException {
        config = config(policy);
        venue = new VenueSimulator(FixTestSettings.acceptor(port), new MemoryStoreFactory(), quotes,
            config.universe(), behaviour);
        venue.start();
        gateway = new FixGateway(FixTestSettings.initiator(port), new MemoryStoreFactory(), config.universe(),
            config.settings().orderCapacity(), clock);
        engine = new Engine(config, gateway.orderSink(), recorder);
        topology = new EngineTopology(config.settings().ringSize(), WaitStrategyKind.SLEEPING, engine, engine);
        topology.start();
        gateway.start(topology.publisher());
        await(gateway::isConnected);
    }

    private void stop() {
        gateway.close();
        assertTrue(topology.stop(5, TimeUnit.SECONDS));
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
            config.settings().maxPriceAgeNanos()));
        assertTrue(drift.ratio() < 1.0, () -> "ends inside its bands, drift ratio " + drift.ratio());
    }

    /** SPY 600 x 100.30 and TLT 800 x 50.13 against 1,000 of cash: about 59.4% / 39.6%, inside 60/40 +- 5. */
    private void publishInsideBands() {
        publish(SPY, price("100.29"), price("100.31"));
        publish(TLT, price("50.12"), price("50.14"));
    }

    /** SPY to 140.28: about 67% against a 60% target with a 5-point band. */
    private void publishBreach() {
        publish(SPY, price("140.27"), price("140.29"));
        publish(TLT, price("50.12"), price("50.14"));
    }

    /** The venue sees the quote before the engine does, so an order always meets the market of its moment. */
    private void publish(final int instrument, final long bid, final long ask) {
        final long now = clock.nanoTime();
        quotes.update(instrument, bid, ask, now);
        topology.publisher().tick(now, instrument, bid, ask, (bid + ask) / 2);
    }

    private static long price(final String text) {
        return Fixed.parse(text);
    }

    /** Waits for a condition, and when it does not come, fails with what every part has counted. */
    private void await(final BooleanSupplier condition) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met; " + state());
            }
            Thread.sleep(5);
        }
    }

    private String state() {
        final StringBuilder text = new StringBuilder("engine sent " + recorder.sent.size() + ", fills "
            + recorder.fills.size() + ", closed " + recorder.closed + ", rejects " + recorder.rejects);
        if (engine != null) {
            for (int i = 0; i < EngineCounters.fixedCounters(); i++) {
                text.append(", ").append(EngineCounters.name(i)).append(' ').append(engine.counters().get(i));
            }
        }
        if (gateway != null) {
            text.append("; gateway ").append(gateway.counters());
        }
        if (venue != null) {
            text.append("; venue ").append(venue.counters()).append(" fills ").append(venue.executedFills());
        }
        return text.toString();
    }

    private static OrderPolicy policy(final WorkingOrderPolicy working, final long rejectBackoffNanos) {
        return new OrderPolicy(0, working, ShutdownOrders.CANCEL, rejectBackoffNanos, 4 * rejectBackoffNanos,
            30 * SECOND);
    }

    private static EngineConfig config(final OrderPolicy policy) {
        final List<Instrument> instruments = List.of(
            new Instrument(SPY, "SPY", 10_000, 1, 100_000_000_000L),
            new Instrument(TLT, "TLT", 10_000, 1, 100_000_000_000L));
        final PortfolioSpec balanced = new PortfolioSpec(0, "balanced-60-40", CASH, new int[] {SPY, TLT},
            new long[] {SPY_HELD, TLT_HELD}, new int[] {600_000, 400_000}, new int[] {50_000, 50_000},
            new int[] {0, 0}, 0, 200_000, 0, 100_000_000, PlannerMode.TO_TARGET, TriggerKind.THRESHOLD, null);
        return new EngineConfig(new EngineSettings(1024, WaitStrategyKind.SLEEPING, 60_000_000_000L, 64, 1, 1000,
            ZoneId.of("UTC")), new InstrumentUniverse(instruments), new RiskLimits(1_000_000, 1_000_000_000_000L,
            10_000, 50, 50_000_000_000_000L, new boolean[2], TradingState.ACTIVE), List.of(balanced), policy);
    }
}
