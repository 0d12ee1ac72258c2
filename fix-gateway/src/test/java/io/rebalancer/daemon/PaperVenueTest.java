package io.rebalancer.daemon;

import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.VenueOrderStatus;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class PaperVenueTest {
    private static final long T0 = 1_769_697_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final int SPY = 0;
    private static final int TLT = 1;

    private final VenueHarness engine = new VenueHarness();
    private final LatestQuotes quotes = new LatestQuotes(2);
    private final PaperVenue venue = new PaperVenue(16, quotes, new long[] {1, 10}, PaperVenue.MAX_REST_NANOS);
    private final OrderSink sink = venue.orderSink();

    PaperVenueTest() {
        venue.connect(engine.publisher());
    }

    private static VenueHarness.Execution exec(final long time, final long id, final long execId, final int type,
        final long quantity, final long price, final long leaves) {
        return new VenueHarness.Execution(time, id, execId, type, quantity, price, leaves);
    }

    @Test
    void shouldAcknowledgeThenFillABuyAtTheAskInTwoParts() {
        quotes.update(SPY, 478_010_000L, 478_050_000L, T0);
        sink.onNewOrder(T0 - SECOND, 17, 0, SPY, Side.BUY, 35, 478_230_000L);
        venue.doWork();
        quotes.update(SPY, 478_000_000L, 478_040_000L, T0 + SECOND);
        venue.doWork();
        assertEquals(List.of(
            exec(T0, 17, 1, ExecType.NEW, 0, 0, 35),
            exec(T0, 17, 2, ExecType.TRADE, 17, 478_050_000L, 18),
            exec(T0 + SECOND, 17, 3, ExecType.TRADE, 18, 478_040_000L, 0)), engine.drain());
        assertEquals(0, venue.restingOrders());
        assertTrue(venue.caughtUp(1));
        assertEquals(1, venue.count(PaperVenue.ORDERS_FILLED));
    }

    @Test
    void shouldLetASellRestWhileTheBidIsBelowTheLimitThenFillAtTheBid() {
        quotes.update(TLT, 92_400_000L, 92_420_000L, T0);
        sink.onNewOrder(T0, 5, 1, TLT, Side.SELL, 10, 92_450_000L);
        venue.doWork();
        venue.doWork();
        assertEquals(List.of(exec(T0, 5, 1, ExecType.NEW, 0, 0, 10)), engine.drain());
        assertEquals(1, venue.restingOrders());
        quotes.update(TLT, 92_460_000L, 92_480_000L, T0 + 60 * SECOND);
        venue.doWork();
        assertEquals(List.of(exec(T0 + 60 * SECOND, 5, 2, ExecType.TRADE, 10, 92_460_000L, 0)), engine.drain(),
            "a single lot fills whole, at the bid, which is better than the limit");
    }

    @Test
    void shouldNeverFillWorseThanTheLimitAcrossARandomWalk() {
        final java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        long mid = 100_000_000L;
        for (int id = 1; id <= 12; id++) {
            sink.onNewOrder(T0, id, 0, SPY, id % 2 == 0 ? Side.BUY : Side.SELL, 4, mid + (random.nextInt(41) - 20)
                * 10_000L);
        }
        final List<VenueHarness.Execution> executions = new ArrayList<>();
        for (int step = 0; step < 200; step++) {
            mid += (random.nextInt(21) - 10) * 10_000L;
            quotes.update(SPY, mid - 10_000L, mid + 10_000L, T0 + step * SECOND);
            venue.doWork();
            executions.addAll(engine.drain());
        }
        long lastExecId = 0;
        for (final VenueHarness.Execution e : executions) {
            assertTrue(e.executionId() > lastExecId, "execution ids are unique and increasing");
            lastExecId = e.executionId();
            if (e.execType() == ExecType.TRADE) {
                final boolean buy = e.clientOrderId() % 2 == 0;
                final long limit = limitOf(e.clientOrderId());
                assertTrue(buy ? e.price() <= limit : e.price() >= limit, e + " is worse than its limit " + limit);
            }
        }
        assertEquals(0, venue.restingOrders() - countResting(executions));
    }

    private static long limitOf(final long clientOrderId) {
        final java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        long limit = 0;
        for (int id = 1; id <= clientOrderId; id++) {
            limit = 100_000_000L + (random.nextInt(41) - 20) * 10_000L;
        }
        return limit;
    }

    private static long countResting(final List<VenueHarness.Execution> executions) {
        long open = 0;
        for (final VenueHarness.Execution e : executions) {
            if (e.execType() == ExecType.NEW) {
                open++;
            } else if (e.execType() == ExecType.CANCELED || e.leaves() == 0) {
                open--;
            }
        }
        return open;
    }

    @Test
    void shouldCancelAnOrderThatRestedLongerThanAllowed() {
        quotes.update(SPY, 478_000_000L, 478_050_000L, T0);
        sink.onNewOrder(T0, 9, 0, SPY, Side.BUY, 3, 477_000_000L);
        venue.doWork();
        quotes.update(SPY, 478_000_000L, 478_050_000L, T0 + PaperVenue.MAX_REST_NANOS);
        venue.doWork();
        quotes.update(SPY, 478_000_000L, 478_050_000L, T0 + PaperVenue.MAX_REST_NANOS + 1);
        venue.doWork();
        assertEquals(List.of(exec(T0, 9, 1, ExecType.NEW, 0, 0, 3),
            exec(T0 + PaperVenue.MAX_REST_NANOS + 1, 9, 2, ExecType.CANCELED, 0, 0, 0)), engine.drain());
        assertEquals(0, venue.restingOrders());
    }

    @Test
    void shouldCancelWhatCannotFillOnceTheMarketIsClosed() {
        quotes.update(SPY, 478_000_000L, 478_050_000L, T0);
        sink.onNewOrder(T0, 3, 0, SPY, Side.SELL, 2, 479_000_000L);
        sink.onNewOrder(T0, 4, 0, SPY, Side.SELL, 1, 477_000_000L);
        venue.closeMarket();
        venue.doWork();
        assertEquals(List.of(exec(T0, 3, 1, ExecType.NEW, 0, 0, 2), exec(T0, 4, 2, ExecType.NEW, 0, 0, 1),
            exec(T0, 4, 3, ExecType.TRADE, 1, 478_000_000L, 0), exec(T0, 3, 4, ExecType.CANCELED, 0, 0, 0)),
            engine.drain());
    }

    @Test
    void shouldAnswerOrdersFromItsOwnAgentThread() {
        final AgentRunner runner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace,
            null, venue);
        AgentRunner.startOnThread(runner);
        try {
            quotes.update(TLT, 92_400_000L, 92_420_000L, T0);
            sink.onNewOrder(T0, 21, 0, TLT, Side.BUY, 30, 92_500_000L);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!venue.idle(1) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        } finally {
            runner.close();
        }
        assertEquals(List.of(exec(T0, 21, 1, ExecType.NEW, 0, 0, 30),
            exec(T0, 21, 2, ExecType.TRADE, 10, 92_420_000L, 20), exec(T0, 21, 3, ExecType.TRADE, 20, 92_420_000L, 0)),
            engine.drain(), "30 units in lots of 10: 10 first (half, rounded down to lots), then 20");
    }

    @Test
    void shouldCancelARestingOrderOnRequestAndReportItUnderTheRequestsId() {
        quotes.update(TLT, 92_400_000L, 92_420_000L, T0);
        sink.onNewOrder(T0, 5, 1, TLT, Side.SELL, 10, 92_450_000L);
        venue.doWork();
        sink.onCancelOrder(T0 + SECOND, 6, 5, 1, TLT, Side.SELL, 10);
        venue.doWork();
        assertEquals(List.of(exec(T0, 5, 1, ExecType.NEW, 0, 0, 10),
            exec(T0 + SECOND, 6, 2, ExecType.CANCELED, 0, 0, 0)), engine.drain());
        assertEquals(0, venue.restingOrders());
        assertTrue(venue.idle(1));
        assertEquals(1, venue.count(PaperVenue.ORDERS_CANCELLED));
    }

    @Test
    void shouldRefuseACancelOfAnUnknownOrFinishedOrderWithTheRequestsId() {
        quotes.update(SPY, 478_000_000L, 478_050_000L, T0);
        sink.onNewOrder(T0, 3, 0, SPY, Side.SELL, 1, 477_000_000L);
        venue.doWork();
        sink.onCancelOrder(T0, 4, 3, 0, SPY, Side.SELL, 1);
        sink.onCancelOrder(T0, 5, 99, 0, SPY, Side.SELL, 1);
        venue.doWork();
        assertEquals(List.of(exec(T0, 3, 1, ExecType.NEW, 0, 0, 1), exec(T0, 3, 2, ExecType.TRADE, 1, 478_000_000L, 0),
            exec(T0, 4, 3, ExecType.CANCEL_REJECTED, 0, 0, 0), exec(T0, 5, 4, ExecType.CANCEL_REJECTED, 0, 0, 0)),
            engine.drain(), "order 3 filled before its cancel arrived; order 99 never existed");
        assertEquals(2, venue.count(PaperVenue.REQUESTS_REFUSED));
    }

    @Test
    void shouldReplaceAPartlyFilledOrderAndFillTheRestUnderTheRequestsId() {
        quotes.update(SPY, 99_990_000L, 100_000_000L, T0);
        sink.onNewOrder(T0, 7, 0, SPY, Side.BUY, 10, 100_050_000L);
        venue.doWork();
        quotes.update(SPY, 100_090_000L, 100_100_000L, T0 + SECOND);
        venue.doWork();
        sink.onReplaceOrder(T0 + SECOND, 8, 7, 0, SPY, Side.BUY, 12, 100_200_000L);
        venue.doWork();
        assertEquals(List.of(exec(T0, 7, 1, ExecType.NEW, 0, 0, 10), exec(T0, 7, 2, ExecType.TRADE, 5, 100_000_000L, 5),
            exec(T0 + SECOND, 8, 3, ExecType.REPLACED, 0, 0, 7),
            exec(T0 + SECOND, 8, 4, ExecType.TRADE, 7, 100_100_000L, 0)), engine.drain(),
            "a new total of 12 with 5 filled leaves 7, at the new limit, reported under the request's id");
        assertEquals(0, venue.restingOrders());
        assertEquals(1, venue.count(PaperVenue.ORDERS_REPLACED));
    }

    @Test
    void shouldRefuseAReplaceDownToWhatFilledAndKeepTheOrderOnItsOldTerms() {
        quotes.update(SPY, 99_990_000L, 100_000_000L, T0);
        sink.onNewOrder(T0, 7, 0, SPY, Side.BUY, 10, 100_050_000L);
        venue.doWork();
        quotes.update(SPY, 100_090_000L, 100_100_000L, T0 + SECOND);
        sink.onReplaceOrder(T0 + SECOND, 8, 7, 0, SPY, Side.BUY, 5, 100_200_000L);
        sink.onCancelOrder(T0 + SECOND, 9, 8, 0, SPY, Side.BUY, 5);
        venue.doWork();
        quotes.update(SPY, 100_000_000L, 100_010_000L, T0 + 2 * SECOND);
        venue.doWork();
        assertEquals(List.of(exec(T0, 7, 1, ExecType.NEW, 0, 0, 10), exec(T0, 7, 2, ExecType.TRADE, 5, 100_000_000L, 5),
            exec(T0 + SECOND, 8, 3, ExecType.CANCEL_REJECTED, 0, 0, 0),
            exec(T0 + SECOND, 9, 4, ExecType.CANCEL_REJECTED, 0, 0, 0),
            exec(T0 + 2 * SECOND, 7, 5, ExecType.TRADE, 5, 100_010_000L, 0)), engine.drain(),
            "5 already filled: a new total of 5 is refused, the refused request's id means nothing, and the order "
                + "fills on at its old limit under its old id");
    }

    @Test
    void shouldAnswerStatusRequestsForRestingPartlyFilledFilledCancelledReplacedAndUnknownOrders() {
        quotes.update(SPY, 478_010_000L, 478_050_000L, T0);
        quotes.update(TLT, 92_400_000L, 92_420_000L, T0);
        sink.onNewOrder(T0, 17, 0, SPY, Side.BUY, 35, 478_230_000L);
        sink.onNewOrder(T0, 3, 0, SPY, Side.BUY, 1, 478_230_000L);
        sink.onNewOrder(T0, 5, 1, TLT, Side.SELL, 10, 92_450_000L);
        sink.onNewOrder(T0, 9, 1, TLT, Side.SELL, 10, 92_450_000L);
        venue.doWork();
        quotes.update(SPY, 478_300_000L, 478_400_000L, T0);
        sink.onReplaceOrder(T0, 6, 5, 1, TLT, Side.SELL, 20, 92_450_000L);
        sink.onCancelOrder(T0, 10, 9, 1, TLT, Side.SELL, 10);
        venue.doWork();
        assertEquals(2, venue.restingOrders(), "17 half filled, 5 replaced by 6");
        engine.drain();

        for (final long id : new long[] {17, 6, 5, 3, 9, 99}) {
            sink.onStatusRequest(T0 + SECOND, id, 0, SPY, Side.BUY, 10);
        }
        venue.doWork();
        assertEquals(List.of(
            status(17, 9, VenueOrderStatus.WORKING, 17, 478_050_000L, 18),
            status(6, 10, VenueOrderStatus.WORKING, 0, 0, 20),
            status(5, 11, VenueOrderStatus.WORKING, 0, 0, 20),
            status(3, 12, VenueOrderStatus.FILLED, 1, 478_050_000L, 0),
            status(9, 13, VenueOrderStatus.CANCELED, 0, 0, 0),
            status(99, 14, VenueOrderStatus.UNKNOWN, 0, 0, 0)), engine.drainStatuses(),
            "a replaced order by its new id and its first; what finished here; what never came");
        assertEquals(6, venue.count(PaperVenue.STATUS_REQUESTS));
        assertEquals(2, venue.restingOrders(), "asking changes nothing");
    }

    @Test
    void shouldAnswerWithTheAveragePriceOfEveryFillRoundedDown() {
        quotes.update(SPY, 99_990_000L, 100_000_000L, T0);
        sink.onNewOrder(T0, 7, 0, SPY, Side.BUY, 3, 100_050_000L);
        venue.doWork();
        quotes.update(SPY, 100_000_000L, 100_010_000L, T0 + SECOND);
        venue.doWork();
        sink.onStatusRequest(T0 + SECOND, 7, 0, SPY, Side.BUY, 3);
        venue.doWork();
        assertEquals(List.of(status(7, 4, VenueOrderStatus.FILLED, 3, 100_006_666L, 0)), engine.drainStatuses(),
            "1 at 100.00 and 2 at 100.01: 300.02 over 3 is 100.006666..., rounded down to the micro");
    }

    @Test
    void shouldForgetTheOldestFinishedOrderOnceAsManyMoreFinishedAndThenAnswerUnknown() {
        quotes.update(SPY, 99_990_000L, 100_000_000L, T0);
        for (long id = 1; id <= 17; id++) {
            sink.onNewOrder(T0, id, 0, SPY, Side.BUY, 1, 100_050_000L);
            venue.doWork();
        }
        engine.drain();
        sink.onStatusRequest(T0, 1, 0, SPY, Side.BUY, 1);
        sink.onStatusRequest(T0, 2, 0, SPY, Side.BUY, 1);
        venue.doWork();
        assertEquals(List.of(VenueOrderStatus.UNKNOWN, VenueOrderStatus.FILLED),
            engine.drainStatuses().stream().map(VenueHarness.Status::status).toList(),
            "a book of 16 remembers the last 16 orders that finished");
    }

    private static VenueHarness.Status status(final long id, final long execId, final int status,
        final long cumulative, final long average, final long leaves) {
        return new VenueHarness.Status(T0 + SECOND, id, execId, status, cumulative, average, leaves);
    }

    @Test
    void shouldAllocateNothingWhileTakingOrdersCancelsAndReplaces() {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        quotes.update(SPY, 99_990_000L, 100_000_000L, T0);
        long id = 1;
        for (int round = 0; round < 3; round++) {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 2_000; i++, id += 3) {
                sink.onNewOrder(T0, id, 0, SPY, Side.BUY, 10, 99_000_000L);
                sink.onReplaceOrder(T0, id + 1, id, 0, SPY, Side.BUY, 20, 99_500_000L);
                sink.onStatusRequest(T0, id, 0, SPY, Side.BUY, 20);
                sink.onCancelOrder(T0, id + 2, id + 1, 0, SPY, Side.BUY, 20);
                venue.doWork();
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 2) {
                assertTrue(allocated < 1024, allocated + " bytes for 6,000 records");
            }
        }
        assertEquals(0, venue.restingOrders());
        assertEquals(6_000, venue.count(PaperVenue.ORDERS_REPLACED));
        assertEquals(6_000, venue.count(PaperVenue.ORDERS_CANCELLED));
        assertEquals(6_000, venue.count(PaperVenue.STATUS_REQUESTS));
    }
}
