package io.rebalancer.engine.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InboundPublisherTest {
    private static final int CLAIM = 512;
    private static final int ROUNDS = 500;

    /**
     * A consumer reads the ring as the engine's batch processor does (its barrier gives the highest slot published
     * without a gap) and spins on it while the claim is filled and published, so it is looking at the very moment
     * the slots are marked. Every batch it takes must be a whole claim. A race cannot make this fail falsely; a
     * publish that marks the first slot before the rest fails it in nearly every run on two cores.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldLetTheEngineTakeClaimedTicksOnlyAllTogether() throws InterruptedException {
        final RingBuffer<InboundEvent> ring =
            RingBuffer.createMultiProducer(InboundEvent::new, CLAIM * 2, new BusySpinWaitStrategy());
        final InboundPublisher publisher = new InboundPublisher(ring);
        final SequenceBarrier barrier = ring.newBarrier();
        final Sequence consumed = new Sequence();
        ring.addGatingSequences(consumed);
        final AtomicLong partial = new AtomicLong(-1);
        final Thread engine = new Thread(() -> readBatches(barrier, consumed, partial), "engine");
        engine.setDaemon(true);
        engine.start();

        for (int round = 0; round < ROUNDS && partial.get() < 0; round++) {
            while (consumed.get() < ring.getCursor()) {
                Thread.onSpinWait();
            }
            final long last = publisher.tryClaimTicks(CLAIM);
            final long first = last - CLAIM + 1;
            for (long sequence = first; sequence <= last; sequence++) {
                publisher.setTick(sequence, sequence, 0, 1, 2, 0);
            }
            publisher.publish(first, last);
        }
        barrier.alert();
        engine.join();

        assertEquals(-1, partial.get(), "the engine took part of a claim as a batch of its own");
        assertEquals((long)ROUNDS * CLAIM - 1, consumed.get());
    }

    private static void readBatches(final SequenceBarrier barrier, final Sequence consumed, final AtomicLong partial) {
        long next = 0;
        while (true) {
            final long available;
            try {
                available = barrier.waitFor(next);
            } catch (final AlertException | TimeoutException | InterruptedException stop) {
                return;
            }
            if (available < next) {
                continue;
            }
            if (available - next + 1 != CLAIM) {
                partial.compareAndSet(-1, available - next + 1);
            }
            consumed.set(available);
            next = available + 1;
        }
    }
}
