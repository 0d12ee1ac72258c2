package io.rebalancer.marketdata.synthetic;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latest bid and ask per instrument, and the latest market event time, written by the market thread and
 * read by others (the paper venue fills at this touch). Each value is written with an ordered store and read
 * with a volatile load, so a reader never sees a torn or half-initialised price; a reader may see a bid and an
 * ask from two consecutive quotes, which is harmless for a fill because a fill only uses one side.
 */
public final class LatestQuotes {
    private static final int FIELDS = 2;
    private static final int BID = 0;
    private static final int ASK = 1;

    private final int instruments;
    private final AtomicLongArray values;

    /** @param instruments the number of dense instrument ids, 0..instruments-1 */
    public LatestQuotes(final int instruments) {
        this.instruments = instruments;
        values = new AtomicLongArray(instruments * FIELDS + 1);
        values.set(instruments * FIELDS, Long.MIN_VALUE);
    }

    /** Market thread only: the new touch of one instrument at event time {@code timeNanos}. */
    public void update(final int instrumentId, final long bid, final long ask, final long timeNanos) {
        values.lazySet(instrumentId * FIELDS + BID, bid);
        values.lazySet(instrumentId * FIELDS + ASK, ask);
        values.lazySet(instruments * FIELDS, timeNanos);
    }

    public int instruments() {
        return instruments;
    }

    /** The latest bid in micros, or 0 before the first quote. */
    public long bid(final int instrumentId) {
        return values.get(instrumentId * FIELDS + BID);
    }

    /** The latest ask in micros, or 0 before the first quote. */
    public long ask(final int instrumentId) {
        return values.get(instrumentId * FIELDS + ASK);
    }

    /** Event time of the latest quote of any instrument, or {@link Long#MIN_VALUE} before the first. */
    public long timeNanos() {
        return values.get(instruments * FIELDS);
    }
}
