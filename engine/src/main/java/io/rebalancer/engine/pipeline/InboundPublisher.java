package io.rebalancer.engine.pipeline;

import com.lmax.disruptor.RingBuffer;

/**
 * The one way into the engine: claims a slot, fills it in place and publishes it. Safe from any number of
 * threads (the ring is multi-producer). No translator lambdas and no boxing: the Disruptor's generic
 * {@code publishEvent(translator, a, b, c)} would box every long argument.
 * <p>
 * When the ring is full, a publish waits for the engine, so nothing published is ever dropped. Conflating ticks
 * when the engine falls behind belongs to the market-data edge (not built yet); fills and commands are never
 * conflated.
 */
public final class InboundPublisher {
    private final RingBuffer<InboundEvent> ring;

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
