package io.rebalancer.benchmarks.harness;

import java.util.SplittableRandom;

/**
 * A pre-computed loop of ticks that the producer replays, the way a recorded feed is replayed: reading the next
 * entry is all the producer does per tick, so its own cost stays the ring's (claim, fill, publish) and not a random
 * number generator's.
 * <p>
 * The tape is made of rounds; each round quotes every instrument of the universe once, in a seeded order that changes
 * from round to round, and moves each mid a cent up or down at random, reflected at {@link #HALF_RANGE_CENTS} cents
 * either side of {@link ClientBook#BASE_PRICE}. So every instrument ticks equally often, and every price stays
 * within 0.5% of where the accounts were balanced (which is what keeps orders impossible: see {@link ClientBook}).
 * When the tape wraps round, prices jump back to the tape's first round: a move under 1%, still inside the range.
 */
final class PriceTape {
    /** How far a mid may wander from the base price, in cents: 0.5% of 100.00. */
    static final int HALF_RANGE_CENTS = 50;
    /** Half the quoted spread: bid and ask are a cent either side of the mid. */
    static final long HALF_SPREAD = ClientBook.BASE_PRICE / 10_000;
    private static final long CENT = ClientBook.BASE_PRICE / 10_000;
    /** At least this many ticks before the tape repeats. */
    private static final int MIN_LENGTH = 1 << 16;
    private static final long SEED = 0x7A9E_5EEDL;

    private final int[] instruments;
    private final long[] mids;

    PriceTape(final int universe) {
        final int rounds = (MIN_LENGTH + universe - 1) / universe;
        instruments = new int[rounds * universe];
        mids = new long[rounds * universe];
        final int[] cents = new int[universe];
        final int[] order = new int[universe];
        for (int id = 0; id < universe; id++) {
            order[id] = id;
        }
        final SplittableRandom random = new SplittableRandom(SEED);
        int at = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = universe - 1; i > 0; i--) {
                final int j = random.nextInt(i + 1);
                final int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (final int id : order) {
                int step = random.nextBoolean() ? 1 : -1;
                if (Math.abs(cents[id] + step) > HALF_RANGE_CENTS) {
                    step = -step;
                }
                cents[id] += step;
                instruments[at] = id;
                mids[at] = ClientBook.BASE_PRICE + cents[id] * CENT;
                at++;
            }
        }
    }

    /** Ticks before the tape repeats; a whole number of rounds, each instrument once per round. */
    int length() {
        return instruments.length;
    }

    int instrument(final int at) {
        return instruments[at];
    }

    long mid(final int at) {
        return mids[at];
    }
}
