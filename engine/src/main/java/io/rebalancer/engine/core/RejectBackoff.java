package io.rebalancer.engine.core;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.rebalancer.engine.snapshot.SnapshotCodec.getInts;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLong;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLongs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.ints;
import static io.rebalancer.engine.snapshot.SnapshotCodec.longs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putInts;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLong;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLongs;

/**
 * Holds a portfolio back from planning after the venue (or the gateway, when it could not send) rejects its
 * orders, so a venue that refuses everything is not hammered at the risk gate's rate: the first reject waits the
 * base time, each rejected attempt after a wait doubles it up to the cap, and a fill resets it. Rejects that
 * arrive while the portfolio already waits (the other orders of the same rebalance) do not double it again.
 * Event time only.
 */
final class RejectBackoff {
    private final long baseNanos;
    private final long maxNanos;
    private final int[] rejectsInRow;
    private final long[] waitUntil;
    private long earliestEnd = Long.MAX_VALUE;

    /** @param baseNanos 0 turns the back-off off */
    RejectBackoff(final int portfolios, final long baseNanos, final long maxNanos) {
        this.baseNanos = baseNanos;
        this.maxNanos = maxNanos;
        rejectsInRow = new int[portfolios];
        waitUntil = new long[portfolios];
        java.util.Arrays.fill(waitUntil, Long.MIN_VALUE);
    }

    void rejected(final int portfolio, final long now) {
        if (baseNanos == 0 || now < waitUntil[portfolio]) {
            return;
        }
        final int shift = Math.min(rejectsInRow[portfolio]++, 62);
        final long wait = baseNanos > (maxNanos >> shift) ? maxNanos : Math.min(maxNanos, baseNanos << shift);
        final long end = now > Long.MAX_VALUE - wait ? Long.MAX_VALUE : now + wait;
        waitUntil[portfolio] = end;
        earliestEnd = Math.min(earliestEnd, end);
    }

    void filled(final int portfolio) {
        rejectsInRow[portfolio] = 0;
    }

    boolean isWaiting(final int portfolio, final long now) {
        return now < waitUntil[portfolio];
    }

    /** True when at least one wait has ended since the last call: the engine then judges every portfolio again. */
    boolean anyWaitEnded(final long now) {
        if (now < earliestEnd) {
            return false;
        }
        long next = Long.MAX_VALUE;
        for (final long end : waitUntil) {
            if (end > now) {
                next = Math.min(next, end);
            }
        }
        earliestEnd = next;
        return true;
    }

    /** Bytes {@link #writeTo} writes. */
    int snapshotBytes() {
        return ints(rejectsInRow.length) + longs(waitUntil.length + 1);
    }

    /**
     * Writes every portfolio's wait and its rejects in a row, for an engine snapshot. A field added here is added to
     * {@link #readFrom} too.
     *
     * @return the offset just past what was written
     */
    int writeTo(final MutableDirectBuffer buffer, final int offset) {
        int at = putInts(buffer, offset, rejectsInRow);
        at = putLongs(buffer, at, waitUntil);
        return putLong(buffer, at, earliestEnd);
    }

    /** @return the offset just past what was read */
    int readFrom(final DirectBuffer buffer, final int offset) {
        int at = getInts(buffer, offset, rejectsInRow);
        at = getLongs(buffer, at, waitUntil);
        earliestEnd = getLong(buffer, at);
        return at + Long.BYTES;
    }
}
