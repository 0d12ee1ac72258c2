package io.rebalancer.fix;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which client order id went out under which outgoing MsgSeqNum, so a session-level Reject (35=3), which names
 * only a RefSeqNum, can be reported against the order it refused. A fixed table indexed by sequence number
 * modulo its size: the gateway thread writes, the QFJ thread reads. Each slot stores the sequence number
 * beside the id, so a slot overwritten by a later order is recognised and not misattributed.
 */
final class SentOrders {
    private final AtomicLongArray slots;
    private final int mask;

    /** @param capacity at least the number of recent orders to remember; rounded up to a power of two */
    SentOrders(final int capacity) {
        final int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        mask = size - 1;
        slots = new AtomicLongArray(size * 2);
    }

    /** Gateway thread: order {@code clientOrderId} was sent as message {@code seqNum}. */
    void sent(final int seqNum, final long clientOrderId) {
        final int at = (seqNum & mask) * 2;
        slots.set(at, 0);
        slots.set(at + 1, clientOrderId);
        slots.set(at, seqNum);
    }

    /** Any thread: the client order id sent as {@code seqNum}, or -1 if unknown or forgotten. */
    long clientOrderId(final int seqNum) {
        final int at = (seqNum & mask) * 2;
        if (seqNum <= 0 || slots.get(at) != seqNum) {
            return -1;
        }
        final long id = slots.get(at + 1);
        return slots.get(at) == seqNum ? id : -1;
    }
}
