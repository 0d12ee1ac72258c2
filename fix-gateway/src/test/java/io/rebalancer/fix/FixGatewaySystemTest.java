package io.rebalancer.fix;

import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.drift.DriftCalculator;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.venue.VenueBehaviour;
import io.rebalancer.venue.VenueOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static io.rebalancer.fix.SixtyForty.CASH;
import static io.rebalancer.fix.SixtyForty.SPY;
import static io.rebalancer.fix.SixtyForty.SPY_HELD;
import static io.rebalancer.fix.SixtyForty.TLT;
import static io.rebalancer.fix.SixtyForty.TLT_ASK;
import static io.rebalancer.fix.SixtyForty.TLT_BID;
import static io.rebalancer.fix.SixtyForty.TLT_HELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine, the FIX gateway and the venue simulator over a real QuickFIX/J session on loopback: a price move
 * breaches a portfolio's band, the engine's orders go out as NewOrderSingles, the venue fills them at the touch,
 * and the execution reports move the engine's books to exactly what the fills say.
 */
class FixGatewaySystemTest {
    private static final long BREACH_SPY_BID = Fixed.parse("140.27");
    private static final long BREACH_SPY_ASK = Fixed.parse("140.29");

    private final RecordingListener recorder = new RecordingListener();
    // A minute of back-off after a reject: orders refused while the session is down are not planned again (and
    // refused again) within the test.
    private final FixLoop loop = new FixLoop(SixtyForty.config(new OrderPolicy(0,
        OrderPolicy.WorkingOrderPolicy.KEEP, OrderPolicy.ShutdownOrders.CANCEL, 60_000_000_000L, 60_000_000_000L,
        30_000_000_000L)), recorder);

    @AfterEach
    void tearDown() {
        loop.close();
    }

    @Test
    @Timeout(45)
    void shouldSendTheRebalanceOverFixAndBookTheFillsExactly() throws InterruptedException {
        rebalanceAgainstVenue(false);
        assertEquals(recorder.sent.size(), recorder.fills.size());
    }

    @Test
    @Timeout(45)
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
    @Timeout(45)
    void shouldRestAnUnmarketableOrderAtTheVenueAndFillItWhenTheQuoteMoves() throws InterruptedException {
        loop.start(VenueBehaviour.DEFAULT);
        SixtyForty.publishInsideBands(loop);
        final long spyTime = loop.clock().nanoTime();
        loop.quotes().update(SPY, Fixed.parse("139.00"), Fixed.parse("139.02"), spyTime);
        loop.publisher().tick(spyTime, SPY, BREACH_SPY_BID, BREACH_SPY_ASK, BREACH_SPY_BID);
        loop.await(() -> recorder.sent.size() == 2 && recorder.closed.size() == 1);
        final RecordingListener.Sent sell = recorder.sent.stream().filter(o -> o.instrumentId() == SPY).findFirst()
            .orElseThrow();
        Thread.sleep(50);
        assertTrue(recorder.closed.stream().noneMatch(c -> c.clientOrderId() == sell.clientOrderId()),
            "the SPY sell rests while the venue's bid is under its limit");
        loop.quoteAtVenue(SPY, BREACH_SPY_BID, BREACH_SPY_ASK);
        awaitAllClosedAndStop();
        assertBooksMatchTheFillsAndEndInBands();
    }

    @Test
    @Timeout(45)
    void shouldRejectAnOrderBackToTheEngineWhileTheSessionIsDown() throws InterruptedException {
        loop.startEngineAndGateway();
        final FixGateway gateway = loop.gateway();
        assertFalse(gateway.isConnected());
        SixtyForty.publishInsideBands(loop);
        loop.publish(SPY, BREACH_SPY_BID, BREACH_SPY_ASK);
        loop.await(() -> !recorder.sent.isEmpty() && recorder.closed.size() == recorder.sent.size());
        assertTrue(loop.stop());

        for (final RecordingListener.Sent order : recorder.sent) {
            final RecordingListener.Closed rejected =
                new RecordingListener.Closed(order.clientOrderId(), ExecType.REJECTED, order.quantity());
            assertTrue(recorder.closed.contains(rejected), order::toString);
        }
        assertEquals(recorder.sent.size(), gateway.counters().get(GatewayCounters.ORDERS_REJECTED_OFFLINE));
        assertEquals(0, gateway.counters().get(GatewayCounters.ORDERS_SENT));
        assertEquals(0, gateway.ordersLost());
        final Engine engine = loop.engine();
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
        loop.start(VenueBehaviour.builder().partialFills(partialFills).build());
        SixtyForty.publishInsideBands(loop);
        loop.publish(SPY, BREACH_SPY_BID, BREACH_SPY_ASK);
        awaitAllClosedAndStop();
        assertBooksMatchTheFillsAndEndInBands();
    }

    private void awaitAllClosedAndStop() throws InterruptedException {
        loop.await(() -> !recorder.sent.isEmpty() && loop.venue().receivedOrders().size() == recorder.sent.size()
            && recorder.closed.size() == recorder.sent.size());
        assertTrue(loop.stop());
    }

    /** Books computed from the orders and the venue's touch, independently of the engine's own fill events. */
    private void assertBooksMatchTheFillsAndEndInBands() {
        assertOrdersArrivedAsSent();
        final Engine engine = loop.engine();
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
        assertEquals(recorder.sent.size(), loop.gateway().counters().get(GatewayCounters.ORDERS_SENT));
        assertEquals(0, loop.gateway().counters().get(GatewayCounters.UNKNOWN_CLORDID));

        final DriftCalculator drift = new DriftCalculator();
        assertEquals(DriftStatus.OK, drift.evaluate(portfolio, engine.prices(), engine.now(),
            loop.config().settings().maxPriceAgeNanos()));
        assertTrue(drift.ratio() < 1.0, () -> "ends inside its bands, drift ratio " + drift.ratio());
    }

    /** Each NewOrderSingle carries the engine's id, side, quantity and the exact limit, as text. */
    private void assertOrdersArrivedAsSent() {
        final List<VenueOrder> received = loop.venue().receivedOrders();
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
}
