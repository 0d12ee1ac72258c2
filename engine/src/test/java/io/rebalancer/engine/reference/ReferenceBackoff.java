package io.rebalancer.engine.reference;

import io.rebalancer.engine.domain.OrderPolicy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reject back-off as its rules read: after the venue rejects one of a portfolio's orders, the portfolio is not
 * planned for the base time; the first reject of each later refused rebalance (one that comes after the wait ended)
 * doubles the wait, up to the cap; rejects that come while the portfolio waits change nothing; a fill puts the
 * doubling back to the base time (the wait under way runs on). When a wait ends, every portfolio is judged again.
 */
final class ReferenceBackoff {
    private final long base;
    private final long max;
    private final Map<String, Integer> paths;
    private final long[] waitUntil;
    private final int[] rejectsInRow;
    /** Ends of waits not yet seen pass. */
    private final List<Long> ends = new ArrayList<>();

    ReferenceBackoff(final OrderPolicy policy, final int portfolios, final Map<String, Integer> paths) {
        base = policy.rejectBackoffNanos();
        max = policy.maxRejectBackoffNanos();
        this.paths = paths;
        waitUntil = new long[portfolios];
        rejectsInRow = new int[portfolios];
        java.util.Arrays.fill(waitUntil, Long.MIN_VALUE);
    }

    void rejected(final int portfolio, final long now) {
        if (base == 0) {
            return;
        }
        if (isWaiting(portfolio, now)) {
            paths.merge("back-off: reject while waiting", 1, Integer::sum);
            return;
        }
        final BigInteger wait = BigInteger.valueOf(base).shiftLeft(rejectsInRow[portfolio])
            .min(BigInteger.valueOf(max));
        paths.merge(rejectsInRow[portfolio] == 0 ? "back-off: first wait" : "back-off: doubled", 1, Integer::sum);
        rejectsInRow[portfolio]++;
        final BigInteger end = BigInteger.valueOf(now).add(wait);
        waitUntil[portfolio] = end.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
        ends.add(waitUntil[portfolio]);
    }

    void filled(final int portfolio) {
        if (rejectsInRow[portfolio] > 0) {
            paths.merge("back-off: reset by a fill", 1, Integer::sum);
        }
        rejectsInRow[portfolio] = 0;
    }

    boolean isWaiting(final int portfolio, final long now) {
        return now < waitUntil[portfolio];
    }

    /** True when a wait has ended since the last call. */
    boolean anyWaitEnded(final long now) {
        return ends.removeIf(end -> end <= now);
    }
}
