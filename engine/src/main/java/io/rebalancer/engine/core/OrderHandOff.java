package io.rebalancer.engine.core;

import org.agrona.BitUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The way out of the engine, the inbound ring's twin: on the engine thread, copies each new child order, cancel
 * and cancel/replace request as primitives into a single-producer Agrona ring that one venue-side thread drains
 * (the FIX gateway's agent, or the demo's paper venue), and returns. Nothing is encoded, allocated or locked here.
 * Every record has the same fixed layout; the record type says which fields mean something.
 * <p>
 * The ring holds the engine's whole order capacity, a request for each order, and one more record (the padding
 * at a wrap), and the engine never has more out, so a claim cannot fail; if it ever did, the record is counted as
 * lost rather than blocking the engine (a blocked engine could deadlock with a venue thread waiting on the
 * inbound ring).
 */
public final class OrderHandOff implements OrderSink {
    /** Record type of a new order. */
    public static final int NEW_ORDER = 1;
    /** Record type of a cancel request: the limit price field is unused. */
    public static final int CANCEL = 2;
    /** Record type of a cancel/replace request. */
    public static final int REPLACE = 3;
    /** Record type of an order status request: the client order id is the order's current id; no limit price. */
    public static final int STATUS = 4;
    public static final int TIME_OFFSET = 0;
    /** The order's id, or a cancel or replace request's own id. */
    public static final int CLIENT_ORDER_ID_OFFSET = 8;
    /** Order quantity; for a replace, the new total. */
    public static final int QUANTITY_OFFSET = 16;
    public static final int LIMIT_PRICE_OFFSET = 24;
    /** For a cancel or replace, the current id of the order it is about; 0 for a new order. */
    public static final int ORIGINAL_CLIENT_ORDER_ID_OFFSET = 32;
    public static final int PORTFOLIO_OFFSET = 40;
    public static final int INSTRUMENT_OFFSET = 44;
    public static final int SIDE_OFFSET = 48;
    /** Bytes of every record. */
    public static final int LENGTH = 49;

    private final OneToOneRingBuffer ring;
    private final AtomicBuffer buffer;
    private final AtomicLong handedOver = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private volatile Thread drainer;

    /**
     * @param orderCapacity the engine's order capacity: the ring holds that many orders, a request for each, and
     *                      one more record
     */
    public OrderHandOff(final int orderCapacity) {
        final int record = BitUtil.align(RecordDescriptor.HEADER_LENGTH + LENGTH, RecordDescriptor.ALIGNMENT);
        final int capacity = BitUtil.findNextPositivePowerOfTwo(Math.max(1024, (2 * orderCapacity + 1) * record));
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
        put(NEW_ORDER, timeNanos, clientOrderId, 0, portfolioId, instrumentId, side, quantity, limitPrice);
    }

    @Override
    public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
        put(CANCEL, timeNanos, requestId, originalClientOrderId, portfolioId, instrumentId, side, orderQuantity, 0);
    }

    @Override
    public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
        final long limitPrice) {
        put(REPLACE, timeNanos, requestId, originalClientOrderId, portfolioId, instrumentId, side, orderQuantity,
            limitPrice);
    }

    @Override
    public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long orderQuantity) {
        put(STATUS, timeNanos, clientOrderId, 0, portfolioId, instrumentId, side, orderQuantity, 0);
    }

    private void put(final int type, final long timeNanos, final long clientOrderId, final long originalId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        final int index = ring.tryClaim(type, LENGTH);
        if (index < 0) {
            lost.lazySet(lost.get() + 1);
            return;
        }
        buffer.putLong(index + TIME_OFFSET, timeNanos);
        buffer.putLong(index + CLIENT_ORDER_ID_OFFSET, clientOrderId);
        buffer.putLong(index + QUANTITY_OFFSET, quantity);
        buffer.putLong(index + LIMIT_PRICE_OFFSET, limitPrice);
        buffer.putLong(index + ORIGINAL_CLIENT_ORDER_ID_OFFSET, originalId);
        buffer.putInt(index + PORTFOLIO_OFFSET, portfolioId);
        buffer.putInt(index + INSTRUMENT_OFFSET, instrumentId);
        buffer.putByte(index + SIDE_OFFSET, side);
        ring.commit(index);
        handedOver.lazySet(handedOver.get() + 1);
        final Thread waiting = drainer;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    /**
     * Names the thread that drains this ring, to be woken after each record; every drainer that idles by parking
     * should (the FIX gateway's agent and the paper venue park up to a millisecond when they have nothing to do,
     * rather than spin on a 2-core box). It then starts on an order at once instead of when its park runs out: the
     * latency harness measured that park as 0.6 ms of a 0.65 ms tick-to-venue median. The cost, only when an order
     * or request leaves (never per tick), is one {@link LockSupport#unpark}: a lock, and a futex wake when the
     * drainer was parked; it allocates nothing. Without a drainer named, nothing is woken (the drainer polls).
     */
    public void wakeOnHandOff(final Thread thread) {
        drainer = thread;
    }

    /** Records (orders and requests) handed over so far; any thread. */
    public long handedOver() {
        return handedOver.get();
    }

    /** Records that found the ring full (never expected); any thread. */
    public long lost() {
        return lost.get();
    }
}
