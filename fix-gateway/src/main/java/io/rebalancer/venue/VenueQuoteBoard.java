package io.rebalancer.venue;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latest quote of each instrument as the venue's market published it, handed from the market's thread to the
 * venue's market-data agent without a queue: one slot per instrument, the latest quote wins. However far the market
 * outruns the subscribers, the hand-off takes a fixed amount of memory and the market never waits.
 * <p>
 * Each slot is a seqlock: the version is odd while the one writer (the market thread) rewrites the slot and even
 * once it is whole, so a reader that sees the same even version before and after its reads has one whole quote.
 * The version grows by two per quote, so the reader also learns how many quotes it missed.
 */
final class VenueQuoteBoard {
    /** Where {@link #read} puts each value of a quote. */
    static final int TIME = 0;
    static final int BID = 1;
    static final int ASK = 2;
    static final int LAST = 3;
    static final int SIZE = 4;
    static final int QUOTE_FIELDS = 5;
    private static final int VERSION = 0;
    private static final int FIELDS = QUOTE_FIELDS + 1;

    private final int instruments;
    private final AtomicLongArray slots;

    VenueQuoteBoard(final int instruments) {
        this.instruments = instruments;
        slots = new AtomicLongArray(instruments * FIELDS);
    }

    int instruments() {
        return instruments;
    }

    /** Market thread only: the instrument's new quote replaces whatever the agent has not taken yet. */
    void publish(final int instrument, final long time, final long bid, final long ask, final long last,
        final long size) {
        final int base = instrument * FIELDS;
        final long version = slots.get(base + VERSION);
        slots.set(base + VERSION, version + 1);
        // The odd version must be visible before any value changes.
        VarHandle.storeStoreFence();
        slots.lazySet(base + 1 + TIME, time);
        slots.lazySet(base + 1 + BID, bid);
        slots.lazySet(base + 1 + ASK, ask);
        slots.lazySet(base + 1 + LAST, last);
        slots.lazySet(base + 1 + SIZE, size);
        slots.lazySet(base + VERSION, version + 2);
    }

    /** The slot's version: 0 before the first quote, then two more per quote (odd while one is being written). */
    long version(final int instrument) {
        return slots.get(instrument * FIELDS + VERSION);
    }

    /**
     * One whole quote of the instrument into {@code quote} (indexed by {@link #TIME} ...), retrying while the market
     * rewrites it: the writer holds a slot for five stores, so a retry is rare and short.
     *
     * @return the version read, even
     */
    long read(final int instrument, final long[] quote) {
        final int base = instrument * FIELDS;
        while (true) {
            final long version = slots.get(base + VERSION);
            if ((version & 1) == 0) {
                for (int i = 0; i < QUOTE_FIELDS; i++) {
                    quote[i] = slots.get(base + 1 + i);
                }
                if (slots.get(base + VERSION) == version) {
                    return version;
                }
            }
            Thread.onSpinWait();
        }
    }
}
