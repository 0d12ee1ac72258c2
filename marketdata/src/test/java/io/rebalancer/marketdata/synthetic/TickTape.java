package io.rebalancer.marketdata.synthetic;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;

/**
 * A real engine ring with no consumer, read back by the test thread right after each publish: with no gating
 * sequence the producer never waits, so a single thread can publish and inspect every tick.
 */
final class TickTape {
    private final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 1024);
    private final InboundPublisher publisher = new InboundPublisher(ring);

    InboundPublisher publisher() {
        return publisher;
    }

    /** The tick published last. */
    InboundEvent latest() {
        return ring.get(ring.getCursor());
    }
}
