package io.rebalancer.engine.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

/**
 * The one way into the engine: claims a slot, fills it in place and publishes it. Safe from any number of
 * threads (the ring is multi-producer). No translator lambdas and no boxing: the Disruptor's generic
 * {@code publishEvent(translator, a, b, c)} would box every long argument.
 * <p>
 * When the ring is full, a publish waits for the engine, so nothing published is ever dropped. The market-data
 * edge publishes ticks with {@link #tryTick} instead, which never waits and never takes the last
 * {@code headroom} slots: when the engine falls behind, the edge conflates ticks while executions, timers and
 * commands still find room.
 */
public final class InboundPublisher {
    private final RingBuffer<InboundEvent> ring;

    /** @param ring multi-producer, as {@link #publish(long, long)} relies on: each slot is marked on its own */
    public InboundPublisher(final RingBuffer<InboundEvent> ring) {
        this.ring = ring;
    }

    public void tick(final long time, final int instrument, final long bid, final long ask, final long last) {
        final long sequence = ring.next();
        try {
            ring.get(sequence).tick(time, instrument, bid, ask, last);
        } finally {
            ring.publish(sequence);
        }
    }

    /**
     * Publishes a tick only if that leaves more than {@code headroom} slots free; never waits.
     *
     * @return false, publishing nothing, when the ring is that full
     */
    public boolean tryTick(final long time, final int instrument, final long bid, final long ask, final long last,
        final int headroom) {
        if (ring.remainingCapacity() <= headroom) {
            return false;
        }
        final long sequence;
        try {
            sequence = ring.tryNext();
        } catch (final InsufficientCapacityException full) {
            // Another publisher took the last slots since the check: the same answer, a shared instance, no garbage.
            return false;
        }
        try {
            ring.get(sequence).tick(time, instrument, bid, ask, last);
        } finally {
            ring.publish(sequence);
        }
        return true;
    }

    /** How many slots ticks may ever take: the ring's size less {@code headroom}. */
    public int tickCapacity(final int headroom) {
        return Math.max(0, ring.getBufferSize() - headroom);
    }

    /** How many slots ticks may take now: the free slots beyond {@code headroom}, 0 when none. */
    public int tickRoom(final int headroom) {
        return (int)Math.max(0, Math.min(Integer.MAX_VALUE, ring.remainingCapacity() - headroom));
    }

    /**
     * Claims exactly {@code count} consecutive slots for ticks (see {@link #tickRoom}); never waits. The caller
     * must fill every claimed slot with {@link #setTick} and then {@link #publish(long, long)} them all at once, so
     * the engine takes them together, in one batch.
     *
     * @return the last claimed sequence (the first is {@code last - count + 1}), or -1 when another producer took
     *     the room meanwhile
     */
    public long tryClaimTicks(final int count) {
        try {
            return ring.tryNext(count);
        } catch (final InsufficientCapacityException full) {
            return -1;
        }
    }

    /** Fills a slot claimed with {@link #tryClaimTicks(int)}. */
    public void setTick(final long sequence, final long time, final int instrument, final long bid, final long ask,
        final long last) {
        ring.get(sequence).tick(time, instrument, bid, ask, last);
    }

    /**
     * Publishes the claimed slots {@code first..last} so that the engine takes them all in one batch or none yet.
     * The multi-producer ring marks each slot on its own, and the Disruptor's {@code publish(first, last)} marks
     * them first to last, so an engine reading meanwhile could take the first few as a batch of their own. A
     * consumer only ever takes slots up to the first unmarked one, so marking {@code first} last makes the whole
     * range visible at once; it costs a second wake of the engine, not a wake per slot.
     */
    public void publish(final long first, final long last) {
        if (last > first) {
            ring.publish(first + 1, last);
        }
        ring.publish(first);
    }

    public void execution(final long time, final long clOrdId, final long execId, final int execType,
        final long lastQuantity, final long lastPrice, final long leaves) {
        execution(time, clOrdId, execId, execType, lastQuantity, lastPrice, leaves, 0);
    }

    /** An execution report and where it came from: its FIX MsgSeqNum ({@link InboundEvent#sourceSequence()}). */
    public void execution(final long time, final long clOrdId, final long execId, final int execType,
        final long lastQuantity, final long lastPrice, final long leaves, final long sourceSequence) {
        final long sequence = ring.next();
        try {
            ring.get(sequence).execution(time, clOrdId, execId, execType, lastQuantity, lastPrice, leaves)
                .sourceSequence(sourceSequence);
        } finally {
            ring.publish(sequence);
        }
    }

    /** The venue's answer to an order status request; see {@link ExecType#ORDER_STATUS}. */
    public void orderStatus(final long time, final long clOrdId, final long execId, final int status,
        final long cumulativeQuantity, final long averagePrice, final long leaves, final long sourceSequence) {
        final long sequence = ring.next();
        try {
            ring.get(sequence).orderStatus(time, clOrdId, execId, status, cumulativeQuantity, averagePrice, leaves)
                .sourceSequence(sourceSequence);
        } finally {
            ring.publish(sequence);
        }
    }

    public void timer(final long time) {
        final long sequence = ring.next();
        try {
            ring.get(sequence).timer(time);
        } finally {
            ring.publish(sequence);
        }
    }

    public void command(final long time, final int code, final int target, final long argument) {
        final long sequence = ring.next();
        try {
            ring.get(sequence).command(time, code, target, argument);
        } finally {
            ring.publish(sequence);
        }
    }

    /** Slots not yet consumed by the slowest stage. */
    public long backlog() {
        return ring.getBufferSize() - ring.remainingCapacity();
    }
}
