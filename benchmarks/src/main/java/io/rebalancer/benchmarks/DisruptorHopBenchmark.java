package io.rebalancer.benchmarks;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventProcessorFactory;
import com.lmax.disruptor.dsl.ProducerType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The raw Disruptor one-hop floor, with no work on either side: the JMH thread publishes into a ring of small
 * pre-allocated events and one consumer thread takes them. Every other figure of the engine is compared with this.
 * <ul>
 *     <li>{@code rawHop}: one event claimed, written, published, and then the benchmark thread waits on
 *     the consumer's sequence until the consumer has seen it: one full hop and the consumer's sequence back, one
 *     event in flight at a time. The benchmark thread spins ({@code Thread.onSpinWait}) for
 *     {@value #SPINS_BEFORE_YIELD} tries, then yields between tries: on a 2-vCPU box that other work shares, a
 *     thread that only spins can hold the core the consumer needs, and a hop then costs a scheduler slice (we
 *     measured 3.2 ms a hop that way while other builds ran, against about 0.45 us with the yield);</li>
 *     <li>{@code rawPublish}: claim, write and publish only, while the consumer drains: the producer's cost per
 *     event when it never waits for the consumer (the ring, {@value #RING_SIZE} slots as the shipped
 *     {@code engine.conf}, only fills if the consumer falls behind).</li>
 * </ul>
 * Built as {@code EngineTopology} builds the engine's ring: the same Disruptor (the project's one version, 4.0.0),
 * the DSL with a thread factory, and {@link ProducerType#MULTI}. MULTI because the engine's ring has several
 * producers (market data, the FIX gateway's execution reports, the clock, the operator), so every real hop pays a
 * multi-producer claim (an atomic get-and-add on the cursor) and publish (a release store into the available-slot
 * buffer, which the consumer then reads per slot); a SINGLE ring would set a floor that no engine hop can reach.
 * <p>
 * The consumer waits with {@link SleepingWaitStrategy}, the shipped {@code engine.conf}'s {@code wait-strategy}: it
 * spins for 100 tries, yields for 100, then parks 100 ns at a time (a park that takes 75 to 110 us on our VM, so a
 * consumer that got that far adds that to its next hop; back to back, as here, it is still spinning or yielding).
 * It never busy-spins indefinitely: with the JMH thread already spinning in {@code rawHop}, a second spinner
 * would take both cores of a 2-vCPU box and the figure would measure the scheduler. The consumer's handler only
 * reads the event's value into a plain field.
 * Run with {@code -prof gc}: neither side allocates.
 */
@State(Scope.Thread)
public class DisruptorHopBenchmark extends JmhDefaults {
    static final int RING_SIZE = 65_536;
    /** How long the benchmark thread spins on the consumer's sequence before it starts yielding its core. */
    static final int SPINS_BEFORE_YIELD = 1_000;

    private Disruptor<HopEvent> disruptor;
    private RingBuffer<HopEvent> ring;
    private Sequence consumed;

    /** A small pre-allocated event: one long. */
    static final class HopEvent {
        long value;
    }

    /** No work: the value read into a plain field, so the read is not dead code. */
    static final class HopHandler implements EventHandler<HopEvent> {
        long last;

        @Override
        public void onEvent(final HopEvent event, final long sequence, final boolean endOfBatch) {
            last = event.value;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        disruptor = new Disruptor<>(HopEvent::new, RING_SIZE, runnable -> {
            final Thread thread = new Thread(runnable, "hop-consumer");
            thread.setDaemon(true);
            return thread;
        }, ProducerType.MULTI, new SleepingWaitStrategy());
        final HopHandler handler = new HopHandler();
        final EventProcessorFactory<HopEvent> consumer = (ringBuffer, gating) -> {
            final BatchEventProcessor<HopEvent> processor = new BatchEventProcessorBuilder()
                .build(ringBuffer, ringBuffer.newBarrier(gating), handler);
            consumed = processor.getSequence();
            return processor;
        };
        disruptor.handleEventsWith(consumer);
        ring = disruptor.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        disruptor.halt();
    }

    /** One hop: publish, then wait (spin, then yield) until the consumer's sequence shows it has seen the event. */
    @Benchmark
    public long rawHop() {
        final long sequence = publish();
        int spins = 0;
        while (consumed.get() < sequence) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return sequence;
    }

    /** Claim, write, publish; the consumer drains on its own thread. */
    @Benchmark
    public long rawPublish() {
        return publish();
    }

    private long publish() {
        final long sequence = ring.next();
        ring.get(sequence).value = sequence;
        ring.publish(sequence);
        return sequence;
    }
}
