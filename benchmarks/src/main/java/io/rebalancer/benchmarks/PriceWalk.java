package io.rebalancer.benchmarks;

/**
 * Instruments ticked in turn, each a cent up on one visit and back down on the next: the prices wander inside any
 * sensible band, so the per-tick benchmarks measure the tick path and never a plan.
 */
final class PriceWalk {
    private final long[] mids;
    private final boolean[] up;
    private int next;

    /** Every instrument starts at {@code mid} (micros). */
    PriceWalk(final int instruments, final long mid) {
        mids = new long[instruments];
        up = new boolean[instruments];
        java.util.Arrays.fill(mids, mid);
    }

    /** Moves the next instrument in turn (0, 1, ..., n-1, 0, ...) and returns its id. */
    int step() {
        final int i = next;
        next = i + 1 == mids.length ? 0 : i + 1;
        up[i] = !up[i];
        mids[i] += up[i] ? EngineFixtures.CENT : -EngineFixtures.CENT;
        return i;
    }

    /** The instrument's mid in micros. */
    long mid(final int instrument) {
        return mids[instrument];
    }

    /** The mids as they stand, copied. */
    long[] mids() {
        return mids.clone();
    }
}
