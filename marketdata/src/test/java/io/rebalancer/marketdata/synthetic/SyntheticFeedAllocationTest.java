package io.rebalancer.marketdata.synthetic;

import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.edge.EdgeSettings;
import io.rebalancer.marketdata.edge.MarketDataEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing a tick allocates nothing once warm: a million ticks through the market-data edge (judged, conflated
 * when the ring is full) into a real engine ring, drained by a trivial consumer thread with a sleeping wait (no
 * busy-spin), measured with the thread's allocation counter.
 */
@Timeout(60)
class SyntheticFeedAllocationTest {
    private static final int WARM_UP = 300_000;
    private static final int MEASURED = 1_000_000;
    /** The counter's own bookkeeping, not per tick: a per-tick allocation would show as megabytes. */
    private static final long SLACK_BYTES = 1_024;

    private static volatile long consumed;

    private static Disruptor<InboundEvent> ring() {
        consumed = 0;
        final Disruptor<InboundEvent> disruptor = new Disruptor<>(InboundEvent::new, 1024, DaemonThreadFactory.INSTANCE,
            ProducerType.MULTI, new SleepingWaitStrategy());
        disruptor.handleEventsWith((event, sequence, endOfBatch) -> consumed++);
        disruptor.start();
        return disruptor;
    }

    @Test
    void shouldAllocateNothingPerTick() throws Exception {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Disruptor<InboundEvent> disruptor = ring();
        final MarketDataEdge edge = new MarketDataEdge(3, EdgeSettings.defaults(1024),
            new InboundPublisher(disruptor.getRingBuffer()), null);
        final SyntheticMarket market = new SyntheticMarket(SyntheticMarketTest.threeAssets(11, 0.3, 1_000_000_000L),
            edge, new LatestQuotes(3));
        market.run(WARM_UP);
        final long before = threads.getCurrentThreadAllocatedBytes();
        market.run(MEASURED);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(edge.flush(10, TimeUnit.SECONDS));
        disruptor.shutdown(10, TimeUnit.SECONDS);
        assertEquals(WARM_UP + MEASURED, market.ticksPublished());
        assertEquals(0, edge.faults().refused());
        assertEquals(WARM_UP + MEASURED, consumed + edge.conflated());
        assertTrue(allocated < SLACK_BYTES, allocated + " bytes allocated for " + MEASURED + " ticks");
    }

    /** As the daemon replays: polled as a feed, each moment (a step of three instruments) held and drained whole. */
    @Test
    void shouldAllocateNothingPerTickWhenMomentsAreHeldAndDrainedWhole() throws Exception {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Disruptor<InboundEvent> disruptor = ring();
        final MarketDataEdge edge = new MarketDataEdge(3, EdgeSettings.defaults(1024),
            new InboundPublisher(disruptor.getRingBuffer()), null);
        edge.holdUntilDrain(true);
        final SyntheticFeed feed = new SyntheticFeed(new SyntheticMarket(
            SyntheticMarketTest.threeAssets(11, 0.3, 1_000_000_000L), null, null), WARM_UP + MEASURED, "test");
        replay(feed, edge, WARM_UP);
        final long before = threads.getCurrentThreadAllocatedBytes();
        replay(feed, edge, MEASURED);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(edge.flush(10, TimeUnit.SECONDS));
        disruptor.shutdown(10, TimeUnit.SECONDS);
        assertTrue(feed.finished());
        assertEquals(WARM_UP + MEASURED, consumed + edge.conflated());
        assertTrue(allocated < SLACK_BYTES, allocated + " bytes allocated for " + MEASURED + " ticks");
    }

    private static void replay(final SyntheticFeed feed, final MarketDataEdge edge, final int ticks) {
        for (int i = 0; i < ticks; i += 3) {
            feed.poll(edge, 3);
            while (edge.drain() == 0 && edge.published() + edge.conflated() < edge.accepted()) {
                LockSupport.parkNanos(1_000);
            }
        }
    }
}
