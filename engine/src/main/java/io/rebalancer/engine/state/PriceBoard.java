package io.rebalancer.engine.state;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.rebalancer.engine.snapshot.SnapshotCodec.getBooleans;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLongs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.longs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putBooleans;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLongs;

/**
 * The last accepted quote per instrument, in micros, indexed by dense instrument id. Only valid ticks are
 * stored here (the engine validates first), so every price read from the board is positive.
 * Owned by the engine thread.
 */
public final class PriceBoard {
    private final long[] bid;
    private final long[] ask;
    private final long[] last;
    private final long[] time;
    private final boolean[] valid;

    public PriceBoard(final int instruments) {
        bid = new long[instruments];
        ask = new long[instruments];
        last = new long[instruments];
        time = new long[instruments];
        valid = new boolean[instruments];
    }

    /** Stores a validated quote; {@code bid}/{@code ask} may be 0 when only a last price is known. */
    public void update(final int instrument, final long bidPrice, final long askPrice, final long lastPrice,
        final long timeNanos) {
        bid[instrument] = bidPrice;
        ask[instrument] = askPrice;
        last[instrument] = lastPrice;
        time[instrument] = timeNanos;
        valid[instrument] = true;
    }

    public boolean hasPrice(final int instrument) {
        return valid[instrument];
    }

    /** Event time of the last accepted tick, or 0. */
    public long time(final int instrument) {
        return time[instrument];
    }

    /** The valuation price: the mid when both sides are quoted, otherwise the last trade. */
    public long mark(final int instrument) {
        final long b = bid[instrument];
        final long a = ask[instrument];
        if (b > 0 && a > 0) {
            return b + ((a - b) >> 1);
        }
        return last[instrument];
    }

    /** The price a buy would pay now: the ask, or the last trade when there is no ask. */
    public long buyTouch(final int instrument) {
        final long a = ask[instrument];
        return a > 0 ? a : last[instrument];
    }

    /** The price a sell would get now: the bid, or the last trade when there is no bid. */
    public long sellTouch(final int instrument) {
        final long b = bid[instrument];
        return b > 0 ? b : last[instrument];
    }

    /** True when the instrument has a price no older than {@code maxAgeNanos} at {@code nowNanos}. */
    public boolean isFresh(final int instrument, final long nowNanos, final long maxAgeNanos) {
        if (!valid[instrument]) {
            return false;
        }
        final long priced = time[instrument];
        if (priced >= nowNanos) {
            return true;
        }
        // The true age is positive here; if the subtraction wrapped (a price stamped near Long.MIN_VALUE), the
        // result is negative, and such a price must not look fresh.
        final long age = nowNanos - priced;
        return age >= 0 && age <= maxAgeNanos;
    }

    /** Bytes {@link #writeTo} writes: every field below, for every instrument. */
    public int snapshotBytes() {
        return longs(4 * valid.length) + valid.length;
    }

    /**
     * Writes the board for an engine snapshot; a field added to the board is added here and in {@link #readFrom}.
     *
     * @return the offset just past what was written
     */
    public int writeTo(final MutableDirectBuffer buffer, final int offset) {
        int at = putLongs(buffer, offset, bid);
        at = putLongs(buffer, at, ask);
        at = putLongs(buffer, at, last);
        at = putLongs(buffer, at, time);
        return putBooleans(buffer, at, valid);
    }

    /**
     * Reads back what {@link #writeTo} wrote, replacing the whole board.
     *
     * @return the offset just past what was read
     */
    public int readFrom(final DirectBuffer buffer, final int offset) {
        int at = getLongs(buffer, offset, bid);
        at = getLongs(buffer, at, ask);
        at = getLongs(buffer, at, last);
        at = getLongs(buffer, at, time);
        return getBooleans(buffer, at, valid);
    }
}
