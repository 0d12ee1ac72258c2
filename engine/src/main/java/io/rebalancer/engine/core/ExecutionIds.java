package io.rebalancer.engine.core;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.LongHashSet;

import static io.rebalancer.engine.snapshot.SnapshotCodec.getInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLongs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.ints;
import static io.rebalancer.engine.snapshot.SnapshotCodec.longs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLongs;

/**
 * The most recent execution ids the engine booked, to refuse a report it has already booked: venues resend after a
 * reconnect (PossDup), gateways retry, and a fill booked twice is money that does not exist. A fixed-size window:
 * a set for the lookup and a ring that evicts the oldest id when full. Id 0 means "the source has no id" and is
 * never remembered. Allocation-free after construction.
 */
final class ExecutionIds {
    private final LongHashSet seen;
    private final long[] ring;
    private int next;
    private int size;

    /** @param window how many recent ids to remember */
    ExecutionIds(final int window) {
        ring = new long[window];
        seen = new LongHashSet(window * 2);
    }

    boolean isDuplicate(final long executionId) {
        return executionId != 0 && seen.contains(executionId);
    }

    void remember(final long executionId) {
        if (executionId == 0) {
            return;
        }
        if (size == ring.length) {
            seen.remove(ring[next]);
        } else {
            size++;
        }
        ring[next] = executionId;
        next = (next + 1) % ring.length;
        seen.add(executionId);
    }

    /** How many ids the window holds: a snapshot's window only fits one of the same size. */
    int window() {
        return ring.length;
    }

    /** Bytes {@link #writeTo} writes: the whole ring, used or not, so every snapshot of an engine has one size. */
    int snapshotBytes() {
        return longs(ring.length) + ints(2);
    }

    /**
     * Writes the window for an engine snapshot: the ring as it lies (so the oldest id is evicted first after a
     * restore too) and where it stands. The set is not written: it is exactly the ring's ids, rebuilt on reading.
     *
     * @return the offset just past what was written
     */
    int writeTo(final MutableDirectBuffer buffer, final int offset) {
        int at = putLongs(buffer, offset, ring);
        at = putInt(buffer, at, next);
        return putInt(buffer, at, size);
    }

    /**
     * Reads back what {@link #writeTo} wrote and rebuilds the set from the ring; allocates nothing.
     *
     * @return the offset just past what was read
     */
    int readFrom(final DirectBuffer buffer, final int offset) {
        int at = getLongs(buffer, offset, ring);
        next = getInt(buffer, at);
        at += Integer.BYTES;
        size = getInt(buffer, at);
        seen.clear();
        for (int i = 0; i < size; i++) {
            seen.add(ring[i]);
        }
        return at + Integer.BYTES;
    }
}
