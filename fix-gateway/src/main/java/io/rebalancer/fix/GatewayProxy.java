package io.rebalancer.fix;

import io.rebalancer.engine.core.OrderSink;
import org.agrona.BitUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;

/**
 * The engine's order sink in front of the FIX gateway: on the engine thread, copies each child order as
 * primitives into a single-producer ring that the gateway's agent drains, and returns. No QuickFIX/J type is
 * touched here: building and sending a message allocates kilobytes and takes a session lock.
 * <p>
 * The ring holds the engine's whole order capacity and one more record (the padding at a wrap), and the engine
 * never has more orders working, so a claim cannot fail; if it ever did, the order is counted as lost in
 * {@link GatewayCounters#ORDERS_LOST} rather than blocking the engine.
 */
final class GatewayProxy implements OrderSink {
    static final int NEW_ORDER = 1;
    static final int TIME_OFFSET = 0;
    static final int CLIENT_ORDER_ID_OFFSET = 8;
    static final int QUANTITY_OFFSET = 16;
    static final int LIMIT_PRICE_OFFSET = 24;
    static final int PORTFOLIO_OFFSET = 32;
    static final int INSTRUMENT_OFFSET = 36;
    static final int SIDE_OFFSET = 40;
    static final int LENGTH = 41;

    private final OneToOneRingBuffer ring;
    private final AtomicBuffer buffer;
    private final GatewayCounters counters;

    /** @param orderCapacity the engine's order capacity: the ring holds that many orders and one more */
    GatewayProxy(final int orderCapacity, final GatewayCounters counters) {
        this.counters = counters;
        final int record = BitUtil.align(RecordDescriptor.HEADER_LENGTH + LENGTH, RecordDescriptor.ALIGNMENT);
        final int capacity = BitUtil.findNextPositivePowerOfTwo(Math.max(1024, (orderCapacity + 1) * record));
        ring = new OneToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
        buffer = ring.buffer();
    }

    /** The ring the gateway agent drains. */
    OneToOneRingBuffer ring() {
        return ring;
    }

    @Override
    public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        final int index = ring.tryClaim(NEW_ORDER, LENGTH);
        if (index < 0) {
            counters.increment(GatewayCounters.ORDERS_LOST);
            return;
        }
        buffer.putLong(index + TIME_OFFSET, timeNanos);
        buffer.putLong(index + CLIENT_ORDER_ID_OFFSET, clientOrderId);
        buffer.putLong(index + QUANTITY_OFFSET, quantity);
        buffer.putLong(index + LIMIT_PRICE_OFFSET, limitPrice);
        buffer.putInt(index + PORTFOLIO_OFFSET, portfolioId);
        buffer.putInt(index + INSTRUMENT_OFFSET, instrumentId);
        buffer.putByte(index + SIDE_OFFSET, side);
        ring.commit(index);
    }
}
