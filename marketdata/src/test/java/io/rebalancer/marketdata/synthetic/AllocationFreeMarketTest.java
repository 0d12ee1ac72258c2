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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing a tick allocates nothing once warm: a million ticks through the market-data edge (judged, conflated
 * when the ring is full) into a real engine ring, drained by a trivial consumer thread with a sleeping wait (no
 * busy-spin), measured with the thread's allocation counter.
 */
@Timeout(60)
class AllocationFreeMarketTest {
    private static final int WARM_UP = 300_000;
    private static final int MEASURED = 1_000_000;
    /** The counter's own bookkeeping, not per tick: a per-tick allocation would show as megabytes. */
    private static final long SLACK_BYTES = 1_024;

    private static long consumed;

    @Test
    void shouldAllocateNothingPerTick() throws Exception {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Disruptor<InboundEvent> disruptor = new Disruptor<>(InboundEvent::new, 1024, DaemonThreadFactory.INSTANCE,
            ProducerType.MULTI, new SleepingWaitStrategy());
        disruptor.handleEventsWith((event, sequence, endOfBatch) -> consumed++);
        disruptor.start();
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
}
