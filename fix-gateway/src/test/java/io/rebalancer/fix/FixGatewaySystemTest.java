package io.rebalancer.fix;

import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.drift.DriftCalculator;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.pipeline.EngineTopology;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.venue.VenueOrder;
import io.rebalancer.venue.VenueSimulator;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.MemoryStoreFactory;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine, the FIX gateway and the venue simulator over a real QuickFIX/J session on loopback: a price move
 * breaches a portfolio's band, the engine's orders go out as NewOrderSingles, the venue fills them at the touch,
 * and the execution reports move the engine's books to exactly what the fills say.
 */
class FixGatewaySystemTest {
    private static final int SPY = 0;
    private static final int TLT = 1;
    private static final long CASH = 1_000_000_000L;
    private static final long SPY_HELD = 600;
    private static final long TLT_HELD = 800;
    private static final long BREACH_SPY_BID = Fixed.parse("140.27");
    private static final long BREACH_SPY_ASK = Fixed.parse("140.29");
    private static final long TLT_BID = Fixed.parse("50.12");
    private static final long TLT_ASK = Fixed.parse("50.14");

    private final EpochNanoClock clock = new SystemEpochNanoClock();
    private final EngineConfig config = config();
    private final LatestQuotes quotes = new LatestQuotes(2);
    private final RecordingListener recorder = new RecordingListener();
    private final int port = FixTestSettings.freePort();
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
    void shouldSendTheRebalanceOverFixAndBookTheFillsExactly() throws InterruptedException {
        rebalanceAgainstVenue(false);
        assertEquals(recorder.sent.size(), recorder.fills.size());
    }

    @Test
    @Timeout(30)
    void shouldBookPartialFillsInTwoHalves() throws InterruptedException {
        rebalanceAgainstVenue(true);
        assertEquals(2 * recorder.sent.size(), recorder.fills.size());
        for (final RecordingListener.Sent order : recorder.sent) {
            final List<RecordingListener.Fill> fills = recorder.fills.stream()
                .filter(f -> f.clientOrderId() == order.clientOrderId()).toList();
            assertEquals(order.quantity() / 2, fills.get(0).quantity());
            assertEquals(order.quantity() - order.quantity() / 2, fills.get(0).leaves());
            assertEquals(0, fills.get(1).leaves());
        }
    }

    @Test
    @Timeout(30)
    void shouldRestAnUnmarketableOrderAtTheVenueAndFillItWhenTheQuoteMoves() throws InterruptedException {
        startVenue(false);
        startEngineAndGateway();
        await(gateway::isConnected);
        publishQuotesInsideBands();
        final long spyTime = clock.nanoTime();
        quotes.update(SPY, Fixed.parse("139.00"), Fixed.parse("139.02"), spyTime);
        topology.publisher().tick(spyTime, SPY, BREACH_SPY_BID, BREACH_SPY_ASK, BREACH_SPY_BID);
        await(() -> recorder.sent.size() == 2 && recorder.closed.size() == 1);
        final RecordingListener.Sent sell = recorder.sent.stream().filter(o -> o.instrumentId() == SPY).findFirst()
            .orElseThrow();
        Thread.sleep(50);
        assertTrue(recorder.closed.stream().noneMatch(c -> c.clientOrderId() == sell.clientOrderId()),
            "the SPY sell rests while the venue's bid is under its limit");
        quotes.update(SPY, BREACH_SPY_BID, BREACH_SPY_ASK, clock.nanoTime());
        awaitAllClosedAndStop();
        assertBooksMatchTheFillsAndEndInBands();
    }

    @Test
    @Timeout(30)
    void shouldRejectAnOrderBackToTheEngineWhileTheSessionIsDown() throws InterruptedException {
        startEngineAndGateway();
        assertFalse(gateway.isConnected());
        publishQuotesInsideBands();
        publish(SPY, BREACH_SPY_BID, BREACH_SPY_ASK);
        await(() -> !recorder.sent.isEmpty() && recorder.closed.size() == recorder.sent.size());
        gateway.close();
        assertTrue(topology.stop(5, TimeUnit.SECONDS));

        for (final RecordingListener.Sent order : recorder.sent) {
            final RecordingListener.Closed rejected =
                new RecordingListener.Closed(order.clientOrderId(), ExecType.REJECTED, order.quantity());
            assertTrue(recorder.closed.contains(rejected), order::toString);
        }
        assertEquals(recorder.sent.size(), gateway.counters().get(GatewayCounters.ORDERS_REJECTED_OFFLINE));
        assertEquals(0, gateway.counters().get(GatewayCounters.ORDERS_SENT));
        assertEquals(0, gateway.ordersLost());
        final Portfolio portfolio = engine.portfolio(0);
        assertEquals(0, portfolio.openOrders());
        assertEquals(0, engine.workingOrders());
        assertEquals(SPY_HELD, portfolio.settledQuantity(SPY));
        assertEquals(TLT_HELD, portfolio.settledQuantity(TLT));
        assertEquals(CASH, portfolio.settledCash());
        assertEquals(CASH, portfolio.effectiveCash());
        assertEquals(SPY_HELD, portfolio.effectiveQuantity(SPY));
        assertEquals(TLT_HELD, portfolio.effectiveQuantity(TLT));
        assertTrue(recorder.rejects.isEmpty(), recorder.rejects::toString);
    }

    private void rebalanceAgainstVenue(final boolean partialFills) throws InterruptedException {
        startVenue(partialFills);
        startEngineAndGateway();
        await(gateway::isConnected);
        publishQuotesInsideBands();
        publish(SPY, BREACH_SPY_BID, BREACH_SPY_ASK);
        awaitAllClosedAndStop();
        assertBooksMatchTheFillsAndEndInBands();
    }

    private void startVenue(final boolean partialFills) {
        venue = new VenueSimulator(FixTestSettings.acceptor(port), new MemoryStoreFactory(), quotes,
            config.universe(), partialFills);
        venue.start();
    }

    private void awaitAllClosedAndStop() throws InterruptedException {
        await(() -> !recorder.sent.isEmpty() && venue.receivedOrders().size() == recorder.sent.size()
            && recorder.closed.size() == recorder.sent.size());
        gateway.close();
        assertTrue(topology.stop(5, TimeUnit.SECONDS));
    }

    /** Books computed from the orders and the venue's touch, independently of the engine's own fill events. */
    private void assertBooksMatchTheFillsAndEndInBands() {
        assertOrdersArrivedAsSent();
        final Portfolio portfolio = engine.portfolio(0);
        long spy = SPY_HELD;
        long tlt = TLT_HELD;
        long cash = CASH;
        for (final RecordingListener.Sent order : recorder.sent) {
            final RecordingListener.Closed filled =
                new RecordingListener.Closed(order.clientOrderId(), ExecType.TRADE, 0);
            assertTrue(recorder.closed.contains(filled), order::toString);
            final boolean buy = order.side() == Side.BUY;
            final long touch = order.instrumentId() == SPY ? (buy ? BREACH_SPY_ASK : BREACH_SPY_BID)
                : (buy ? TLT_ASK : TLT_BID);
            final long signed = buy ? order.quantity() : -order.quantity();
            if (order.instrumentId() == SPY) {
                spy += signed;
            } else {
                tlt += signed;
            }
            cash -= signed * touch;
        }
        for (final RecordingListener.Fill fill : recorder.fills) {
            final long touch = fill.instrumentId() == SPY
                ? (fill.side() == Side.BUY ? BREACH_SPY_ASK : BREACH_SPY_BID)
                : (fill.side() == Side.BUY ? TLT_ASK : TLT_BID);
            assertEquals(touch, fill.price(), "fills come back at the exact touch");
        }
        assertEquals(spy, portfolio.settledQuantity(SPY));
        assertEquals(tlt, portfolio.settledQuantity(TLT));
        assertEquals(cash, portfolio.settledCash());
        assertEquals(0, portfolio.openOrders());
        assertTrue(spy < SPY_HELD && tlt > TLT_HELD, "sold the winner, bought the laggard");
        assertTrue(recorder.rejects.isEmpty(), recorder.rejects::toString);
        assertEquals(recorder.sent.size(), gateway.counters().get(GatewayCounters.ORDERS_SENT));
        assertEquals(0, gateway.counters().get(GatewayCounters.UNKNOWN_CLORDID));

        final DriftCalculator drift = new DriftCalculator();
        assertEquals(DriftStatus.OK, drift.evaluate(portfolio, engine.prices(), engine.now(),
            config.settings().maxPriceAgeNanos()));
        assertTrue(drift.ratio() < 1.0, () -> "ends inside its bands, drift ratio " + drift.ratio());
    }

    /** Each NewOrderSingle carries the engine's id, side, quantity and the exact limit, as text. */
    private void assertOrdersArrivedAsSent() {
        final List<VenueOrder> received = venue.receivedOrders();
        assertEquals(recorder.sent.size(), received.size());
        for (int i = 0; i < received.size(); i++) {
            final RecordingListener.Sent sent = recorder.sent.get(i);
            final VenueOrder got = received.get(i);
            assertEquals(Long.toString(sent.clientOrderId()), got.clOrdId());
            assertEquals((char)sent.side(), got.side());
            assertEquals(sent.instrumentId() == SPY ? "SPY" : "TLT", got.symbol());
            assertEquals(sent.quantity(), got.quantity());
            assertEquals(sent.limitPrice(), got.limitPrice());
            assertEquals(FixDecimal.formatPrice(sent.limitPrice()), got.priceText());
        }
    }

    private void startEngineAndGateway() {
        gateway = new FixGateway(FixTestSettings.initiator(port), new MemoryStoreFactory(), config.universe(),
            config.settings().orderCapacity(), clock);
        engine = new Engine(config, gateway.orderSink(), recorder);
        topology = new EngineTopology(config.settings().ringSize(), WaitStrategyKind.SLEEPING, engine, engine);
        topology.start();
        gateway.start(topology.publisher());
    }

    /** SPY 600 x 100.30 and TLT 800 x 50.13 against 1,000 of cash: about 59.4% / 39.6%, inside 60/40 +- 5. */
    private void publishQuotesInsideBands() {
        publish(SPY, Fixed.parse("100.29"), Fixed.parse("100.31"));
        publish(TLT, TLT_BID, TLT_ASK);
    }

    /** The venue sees the quote before the engine does, so an order always meets the market of its moment. */
    private void publish(final int instrument, final long bid, final long ask) {
        final long now = clock.nanoTime();
        quotes.update(instrument, bid, ask, now);
        topology.publisher().tick(now, instrument, bid, ask, (bid + ask) / 2);
    }

    private static void await(final BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(5);
        }
    }

    private static EngineConfig config() {
        final List<Instrument> instruments = List.of(
            new Instrument(SPY, "SPY", 10_000, 1, 100_000_000_000L),
            new Instrument(TLT, "TLT", 10_000, 1, 100_000_000_000L));
        final PortfolioSpec balanced = new PortfolioSpec(0, "balanced-60-40", CASH, new int[] {SPY, TLT},
            new long[] {SPY_HELD, TLT_HELD}, new int[] {600_000, 400_000}, new int[] {50_000, 50_000},
            new int[] {0, 0}, 0, 200_000, 0, 100_000_000, PlannerMode.TO_TARGET, TriggerKind.THRESHOLD, null);
        return new EngineConfig(new EngineSettings(1024, WaitStrategyKind.SLEEPING, 60_000_000_000L, 64, 1, 1000,
            ZoneId.of("UTC")), new InstrumentUniverse(instruments), new RiskLimits(1_000_000, 1_000_000_000_000L,
            10_000, 50, 50_000_000_000_000L, new boolean[2], TradingState.ACTIVE), List.of(balanced),
            // A minute of back-off after a reject: orders refused while the session is down are not planned again
            // (and refused again) within the test.
            new OrderPolicy(0, OrderPolicy.WorkingOrderPolicy.KEEP, OrderPolicy.ShutdownOrders.CANCEL,
                60_000_000_000L, 60_000_000_000L, 30_000_000_000L));
    }
}
