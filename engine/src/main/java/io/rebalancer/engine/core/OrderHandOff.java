package io.rebalancer.engine.core;

import org.agrona.BitUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The way out of the engine, the inbound ring's twin: on the engine thread, copies each new child order as
 * primitives into a single-producer Agrona ring that one venue-side thread drains (the FIX gateway's agent, or the
 * demo's paper venue), and returns. Nothing is encoded, allocated or locked here.
 * <p>
 * The ring holds the engine's whole order capacity and one more record (the padding at a wrap), and the engine
 * never has more orders working, so a claim cannot fail; if it ever did, the order is counted as lost rather than
 * blocking the engine (a blocked engine could deadlock with a venue thread waiting on the inbound ring).
 */
public final class OrderHandOff implements OrderSink {
    /** Record type of a new order. */
    public static final int NEW_ORDER = 1;
    public static final int TIME_OFFSET = 0;
    public static final int CLIENT_ORDER_ID_OFFSET = 8;
    public static final int QUANTITY_OFFSET = 16;
    public static final int LIMIT_PRICE_OFFSET = 24;
    public static final int PORTFOLIO_OFFSET = 32;
    public static final int INSTRUMENT_OFFSET = 36;
    public static final int SIDE_OFFSET = 40;
    /** Bytes of a new-order record. */
    public static final int LENGTH = 41;

    private final OneToOneRingBuffer ring;
    private final AtomicBuffer buffer;
    private final AtomicLong handedOver = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();

    /** @param orderCapacity the engine's order capacity: the ring holds that many orders and one more */
    public OrderHandOff(final int orderCapacity) {
        final int record = BitUtil.align(RecordDescriptor.HEADER_LENGTH + LENGTH, RecordDescriptor.ALIGNMENT);
        final int capacity = BitUtil.findNextPositivePowerOfTwo(Math.max(1024, (orderCapacity + 1) * record));
        ring = new OneToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
        buffer = ring.buffer();
    }

    /** The ring the venue side drains; only that one thread may read it. */
    public OneToOneRingBuffer ring() {
        return ring;
    }

    @Override
    public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        final int index = ring.tryClaim(NEW_ORDER, LENGTH);
        if (index < 0) {
            lost.lazySet(lost.get() + 1);
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
        handedOver.lazySet(handedOver.get() + 1);
    }

    /** Orders handed over so far; any thread. */
    public long handedOver() {
        return handedOver.get();
    }

    /** Orders that found the ring full (never expected); any thread. */
    public long lost() {
        return lost.get();
    }
}
