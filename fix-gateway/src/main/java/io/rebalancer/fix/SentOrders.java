package io.rebalancer.fix;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which client order id or request id went out under which outgoing MsgSeqNum, and as which message type
 * (NewOrderSingle, OrderCancelRequest, OrderCancelReplaceRequest or OrderStatusRequest), so a session-level Reject
 * (35=3), which names only a RefSeqNum and maybe not even the RefMsgType, can be reported against what it refused:
 * a refused order as REJECTED, a refused cancel or replace as CANCEL_REJECTED, a refused status request as an
 * answer without a status. A fixed table indexed by sequence number modulo its
 * size: the gateway thread writes, the QFJ thread reads. Each slot stores the sequence number beside the id, so a
 * slot overwritten by a later message is recognised and not misattributed.
 */
final class SentOrders {
    /** Returned by {@link #messageType} for a sequence number not remembered. */
    static final char UNKNOWN_TYPE = 0;
    private static final int SLOT = 3;

    private final AtomicLongArray slots;
    private final int mask;

    /** @param capacity at least the number of recent messages to remember; rounded up to a power of two */
    SentOrders(final int capacity) {
        final int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        mask = size - 1;
        slots = new AtomicLongArray(size * SLOT);
    }

    /** Gateway thread: a NewOrderSingle for {@code clientOrderId} was sent as message {@code seqNum}. */
    void sent(final int seqNum, final long clientOrderId) {
        sent(seqNum, clientOrderId, 'D');
    }

    /**
     * Gateway thread: message {@code seqNum} of type {@code msgType} ('D', 'F', 'G' or 'H') carried ClOrdID
     * {@code clientOrderId}.
     */
    void sent(final int seqNum, final long clientOrderId, final char msgType) {
        final int at = (seqNum & mask) * SLOT;
        slots.set(at, 0);
        slots.set(at + 1, clientOrderId);
        slots.set(at + 2, msgType);
        slots.set(at, seqNum);
    }

    /** Any thread: the ClOrdID sent as {@code seqNum}, or -1 if unknown or forgotten. */
    long clientOrderId(final int seqNum) {
        return read(seqNum, 1, -1);
    }

    /** Any thread: the MsgType sent as {@code seqNum}, or {@link #UNKNOWN_TYPE} if unknown or forgotten. */
    char messageType(final int seqNum) {
        return (char)read(seqNum, 2, UNKNOWN_TYPE);
    }

    private long read(final int seqNum, final int field, final long missing) {
        final int at = (seqNum & mask) * SLOT;
        if (seqNum <= 0 || slots.get(at) != seqNum) {
            return missing;
        }
        final long value = slots.get(at + field);
        return slots.get(at) == seqNum ? value : missing;
    }
}
