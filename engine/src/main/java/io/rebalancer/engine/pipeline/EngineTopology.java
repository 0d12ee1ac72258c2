package io.rebalancer.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.rebalancer.engine.domain.WaitStrategyKind;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The whole inbound pipeline in one place.
 * <pre>
 *   producers (any thread)                       one ring, pre-filled slots          one consumer thread
 *   ---------------------------------------      -----------------------------       ---------------------
 *   1. market data  -- tick ------------\
 *   2. FIX gateway  -- execution report -+-->  InboundEvent[ringSize] (MULTI)  -->  3. engine (single writer:
 *   3. clock        -- timer ------------|      claimed, filled in place,             prices, portfolios,
 *   4. operator     -- command ---------/       published; never allocated            orders) -> OrderSink
 *                                                                                       -> EngineListener
 * </pre>
 * The engine stage batches: it books every event as it comes and judges drift once per batch
 * ({@code endOfBatch}). A journaling stage will sit between the ring and the engine, so that nothing reaches
 * the venue before the input that caused it is on disk. Exceptions in a stage go to {@link FaultHandler},
 * not to the Disruptor's default handler, which would kill the thread.
 */
public final class EngineTopology {
    /** Name of the engine's consumer thread, to find it in thread dumps and allocation tests. */
    public static final String ENGINE_THREAD_NAME = "rebalancer-engine";
    private static final long DRAIN_POLL_NANOS = 100_000;
    /** Even after a slow drain, give the halted thread this long to leave its loop before calling it stuck. */
    private static final long JOIN_MINIMUM_MILLIS = 1_000;

    private final Disruptor<InboundEvent> disruptor;
    private final InboundPublisher publisher;
    private volatile Thread engineThread;

    /**
     * Wires (but does not start) the pipeline.
     *
     * @param ringSize  a power of two; when full, producers wait
     * @param waitKind  how the engine thread waits: never busy-spin two threads on a small box
     * @param engine    the single consumer
     * @param faults    told about exceptions thrown by the engine
     */
    public EngineTopology(final int ringSize, final WaitStrategyKind waitKind, final EventHandler<InboundEvent> engine,
        final FaultHandler faults) {
        final ThreadFactory threads = runnable -> {
            final Thread thread = new Thread(runnable, ENGINE_THREAD_NAME);
            thread.setDaemon(true);
            engineThread = thread;
            return thread;
        };
        disruptor = new Disruptor<>(InboundEvent::new, ringSize, threads, ProducerType.MULTI, waitStrategy(waitKind));
        disruptor.handleEventsWith(engine);
        disruptor.setDefaultExceptionHandler(new EngineExceptionHandler(faults));
        publisher = new InboundPublisher(disruptor.getRingBuffer());
    }

    /** Starts the engine thread; events published before this wait in the ring. */
    public EngineTopology start() {
        disruptor.start();
        return this;
    }

    /** The way in, for every producer. */
    public InboundPublisher publisher() {
        return publisher;
    }

    public RingBuffer<InboundEvent> ring() {
        return disruptor.getRingBuffer();
    }

    /** The engine's consumer thread once started, or null. */
    public Thread engineThread() {
        return engineThread;
    }

    /**
     * Waits until every event published so far has been handled, then stops the engine thread and joins it,
     * so the caller may read engine state afterwards. Waits on the ring's sequences itself: the Disruptor's
     * own {@code shutdown} ignores a consumer whose thread has not started running yet, and would halt it
     * with the whole backlog unprocessed.
     *
     * @return false if the engine did not drain within the timeout (it is halted anyway)
     */
    public boolean stop(final long timeout, final TimeUnit unit) {
        final RingBuffer<InboundEvent> ring = disruptor.getRingBuffer();
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        boolean drained = true;
        while (ring.getMinimumGatingSequence() < ring.getCursor()) {
            if (System.nanoTime() - deadline > 0) {
                drained = false;
                break;
            }
            LockSupport.parkNanos(DRAIN_POLL_NANOS);
        }
        disruptor.halt();
        final Thread thread = engineThread;
        if (thread != null) {
            try {
                thread.join(Math.max(JOIN_MINIMUM_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
            return drained && !thread.isAlive();
        }
        return drained;
    }

    /**
     * The Disruptor wait strategy of a configured kind. Public so that the benchmarks' raw Disruptor floor waits
     * exactly as the engine's thread does, and a ratio between the two compares like with like.
     */
    public static WaitStrategy waitStrategy(final WaitStrategyKind kind) {
        switch (kind) {
            case BLOCKING:
                return new BlockingWaitStrategy();
            case YIELDING:
                return new YieldingWaitStrategy();
            case BUSY_SPIN:
                return new BusySpinWaitStrategy();
            case SLEEPING:
            default:
                return new SleepingWaitStrategy();
        }
    }
}
