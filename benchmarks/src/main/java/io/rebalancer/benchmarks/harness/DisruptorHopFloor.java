package io.rebalancer.benchmarks.harness;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.rebalancer.engine.config.ConfigDefaults;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.pipeline.EngineTopology;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor under tick to order intent: one hop through a raw LMAX Disruptor ring, one producer to one consumer,
 * no work. The injector claims a slot, writes the event's intended send time into the pre-allocated event, and
 * publishes; the consumer records {@code System.nanoTime() - intended}. Nothing else happens on either side, so
 * this is the least the engine's path can cost on this machine, measured from intended send times like it.
 * <p>
 * The ring is the engine's ring in everything but its event: the same Disruptor (4.0.0), the default ring size
 * ({@link ConfigDefaults#DEFAULT_RING_SIZE}), {@link ProducerType#MULTI}, and the wait strategy the engine would
 * get for the same {@link WaitStrategyKind} ({@link EngineTopology#waitStrategy}). MULTI because the engine's ring
 * has several producers (market data, the FIX gateway, the clock, the operator) and so must be multi-producer: each
 * claim is a compare-and-swap and the consumer checks a per-slot availability flag. A single-producer floor would
 * skip both and charge the engine with the cost of the ring it needs, not of what it does with the event.
 * <p>
 * Allocation is counted on the consumer thread, the engine thread's counterpart. Pass the wait strategy the engine
 * scenario uses; never {@link WaitStrategyKind#BUSY_SPIN} on a 2-core box, where the injector already spins for
 * the last stretch before each event (see {@link OfferedLoad}).
 * <p>
 * Indicative figures: {@code java -cp benchmarks/target/benchmarks.jar
 * io.rebalancer.benchmarks.harness.DisruptorHopFloor [rate ...]} (see {@link ScenarioMain}).
 */
public final class DisruptorHopFloor implements AutoCloseable {
    public static final String NAME = "floor-disruptor-hop";
    static final String CONSUMER_THREAD_NAME = "floor-disruptor-consumer";
    /** A full ring or a backlog that does not move for this long means the consumer is stuck, not slow. */
    private static final long STUCK_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long POLL_NANOS = 50_000;

    private final WaitStrategyKind waitKind;
    private final Disruptor<HopEvent> disruptor;
    private final RingBuffer<HopEvent> ring;
    private final HopRecorder recorder = new HopRecorder();
    private final Histogram warmup = PacedLoop.latencyHistogram();
    private final PacedLoop.Sender sender = this::publish;
    private volatile Thread consumerThread;

    /** The engine's default ring size, waiting as {@code waitKind}; starts the consumer thread. */
    public DisruptorHopFloor(final WaitStrategyKind waitKind) {
        this(ConfigDefaults.DEFAULT_RING_SIZE, waitKind);
    }

    /**
     * @param ringSize a power of two: the engine scenario's ring size
     * @param waitKind how the consumer waits: the engine scenario's wait strategy
     */
    public DisruptorHopFloor(final int ringSize, final WaitStrategyKind waitKind) {
        this.waitKind = waitKind;
        disruptor = new Disruptor<>(HopEvent::new, ringSize, runnable -> {
            final Thread thread = new Thread(runnable, CONSUMER_THREAD_NAME);
            thread.setDaemon(true);
            consumerThread = thread;
            return thread;
        }, ProducerType.MULTI, EngineTopology.waitStrategy(waitKind));
        disruptor.handleEventsWith(recorder);
        ring = disruptor.start();
    }

    /**
     * Warms up at the offered rate, waits for the consumer to catch up, then measures for {@code measureNanos} into
     * a fresh histogram. Call from one thread at a time (it is the injector).
     */
    public ScenarioResult measure(final double offeredPerSecond, final long warmupNanos, final long measureNanos) {
        warmup.reset();
        runPhase(warmup, offeredPerSecond, warmupNanos);
        final Histogram histogram = PacedLoop.latencyHistogram();
        final MeasuredWindow window = MeasuredWindow.open(consumerThread);
        runPhase(histogram, offeredPerSecond, measureNanos);
        window.close();
        final long events = histogram.getTotalCount();
        return new ScenarioResult(NAME, false, offeredPerSecond, window.ratePerSecond(events), histogram,
            window.bytesPer(events), window.gcCount(), "raw Disruptor hop, ring " + ring.getBufferSize()
                + " MULTI, " + waitKind + " consumer; allocation on the consumer thread");
    }

    /** Offers events for {@code durationNanos}, then waits until the consumer has recorded every one. */
    private void runPhase(final Histogram histogram, final double offeredPerSecond, final long durationNanos) {
        // The consumer reads this plain field after it reads the cursor of the first event published below, and
        // the injector reads the histogram after it reads the consumer's sequence past the last one: the ring's
        // own publish and consume fences hand the histogram over, so the consumer needs no volatile read per event.
        recorder.histogram = histogram;
        final long start = System.nanoTime();
        PacedLoop.run(new OfferedLoad(start, offeredPerSecond), start + durationNanos, sender);
        awaitConsumed();
    }

    private boolean publish(final long index, final long intendedNanos) {
        if (!ring.hasAvailableCapacity(1)) {
            awaitCapacity();
        }
        final long sequence = ring.next();
        ring.get(sequence).intendedNanos = intendedNanos;
        ring.publish(sequence);
        return true;
    }

    /** Only at rates the consumer cannot keep up with: the injector waits for a slot, the latency counts it. */
    private void awaitCapacity() {
        final long deadline = System.nanoTime() + STUCK_NANOS;
        while (!ring.hasAvailableCapacity(1)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(CONSUMER_THREAD_NAME + " has not freed a slot in "
                    + TimeUnit.NANOSECONDS.toSeconds(STUCK_NANOS) + " s (" + waitKind + ")");
            }
            Thread.yield();
        }
    }

    private void awaitConsumed() {
        final long deadline = System.nanoTime() + STUCK_NANOS;
        while (ring.getMinimumGatingSequence() < ring.getCursor()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(CONSUMER_THREAD_NAME + " left " + (ring.getCursor()
                    - ring.getMinimumGatingSequence()) + " events unconsumed after "
                    + TimeUnit.NANOSECONDS.toSeconds(STUCK_NANOS) + " s (" + waitKind + ")");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** The consumer thread, to check that {@link #close} ended it. */
    Thread consumerThread() {
        return consumerThread;
    }

    /** Lets the consumer finish what was published, halts it and joins its thread (bounded). */
    @Override
    public void close() {
        try {
            awaitConsumed();
        } finally {
            disruptor.halt();
            joinConsumer();
        }
    }

    private void joinConsumer() {
        final Thread thread = consumerThread;
        if (thread == null) {
            return;
        }
        try {
            thread.join(TimeUnit.NANOSECONDS.toMillis(STUCK_NANOS));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException(CONSUMER_THREAD_NAME + " did not stop (" + waitKind + ")");
        }
    }

    /** Indicative figures with a yielding consumer: arguments are offered rates per second. */
    public static void main(final String[] args) {
        try (DisruptorHopFloor floor = new DisruptorHopFloor(WaitStrategyKind.YIELDING)) {
            ScenarioMain.run(args, (rate, warmup, measure) -> List.of(floor.measure(rate, warmup, measure)));
        }
    }

    /** A ring slot: the intended send time and nothing else. */
    static final class HopEvent {
        long intendedNanos;
    }

    /** The consumer: one clock read and one histogram record per event, nothing else. */
    static final class HopRecorder implements EventHandler<HopEvent> {
        Histogram histogram;

        @Override
        public void onEvent(final HopEvent event, final long sequence, final boolean endOfBatch) {
            histogram.recordValue(System.nanoTime() - event.intendedNanos);
        }
    }
}
