package io.rebalancer.engine.core;

import org.agrona.collections.LongHashSet;

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
}
