package io.rebalancer.engine.core;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.rebalancer.engine.snapshot.SnapshotCodec.getLong;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLong;

/**
 * The one sequence every client order id and request id comes from: unique and increasing, so an id is never
 * reused within a run and replaying the same inputs gives the same ids.
 */
final class ClientOrderIds {
    private long next;

    ClientOrderIds(final long first) {
        next = first;
    }

    long next() {
        return next++;
    }

    /** Bytes {@link #writeTo} writes. */
    int snapshotBytes() {
        return Long.BYTES;
    }

    /**
     * Writes the next id, for an engine snapshot: a restored engine never hands out an id this one already used, so
     * the configured first id no longer matters after a restore.
     *
     * @return the offset just past what was written
     */
    int writeTo(final MutableDirectBuffer buffer, final int offset) {
        return putLong(buffer, offset, next);
    }

    /** @return the offset just past what was read */
    int readFrom(final DirectBuffer buffer, final int offset) {
        next = getLong(buffer, offset);
        return offset + Long.BYTES;
    }
}
