package io.rebalancer.marketdata.synthetic;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.TickSink;

/**
 * A real engine ring with no consumer, read back by the test thread right after each publish: with no gating
 * sequence the producer never waits, so a single thread can publish and inspect every tick.
 */
final class TickTape {
    private final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 1024);
    private final InboundPublisher publisher = new InboundPublisher(ring);

    /** Every tick straight into the ring, unjudged: these tests check the market's own output. */
    TickSink sink() {
        return new TickSink() {
            @Override
            public void onTick(final long time, final int instrument, final long bid, final long ask, final long last,
                final long size, final long sequence) {
                publisher.tick(time, instrument, bid, ask, last);
            }

            @Override
            public void onUnknownSymbol(final long time, final CharSequence symbol) {
                throw new AssertionError("the synthetic market only knows its own instruments");
            }
        };
    }

    /** The tick published last. */
    InboundEvent latest() {
        return ring.get(ring.getCursor());
    }
}
