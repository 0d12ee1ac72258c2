package io.rebalancer.marketdata.edge;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.marketdata.TickSink;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The market-data edge's judge: every tick of a feed passes here, on the feed's thread, and only a tick that passes
 * every check goes on to {@code accepted}. Checks, in order: a known instrument; the feed's sequence (a number
 * already seen is a duplicate, a skipped number a counted gap; an unnumbered tick identical to the instrument's
 * last is a duplicate); every price a number; positive prices; neither crossed nor locked; time not earlier than
 * the instrument's last good tick; each side within the jump limit of its last good value; and a time no more than a
 * week past the last good tick.
 * <p>
 * A jump is held, not dropped: the instrument's next tick decides. Near the held price, the market really moved:
 * that tick goes on. Near the old price, the held one was a bad print and is dropped. Far from both, it is held
 * instead. An operator may release a held tick from any thread ({@link #requestRelease(int)}): the feed's thread
 * sends it on at its next tick or {@link #poll()}. The first tick of an instrument has no price to jump from.
 * <p>
 * Allocation-free: per-instrument state is primitive arrays sized once.
 */
final class TickGate implements TickSink {
    private static final int RECEIVED = 0;
    private static final int ACCEPTED = 1;
    private static final int CONFIRMED = 2;
    private static final int RELEASED = 3;
    private static final int DISCARDED = 4;
    private static final int STATS = 5;
    /**
     * The furthest a tick's time may leap past its instrument's last good tick before it is held like a price jump:
     * a week, longer than any market closes. One tick dated years ahead would otherwise pass, and then refuse every
     * real tick after it as going backwards.
     */
    static final long MAX_TIME_LEAP_NANOS = 7 * 86_400_000_000_000L;
    /** The furthest a sequence number may skip before the numbering waits for the next tick to confirm it. */
    static final long MAX_SEQUENCE_LEAP = 1_000_000;

    private final int instruments;
    private final double jumpLimit;
    private final TickSink accepted;
    private final FeedFaults faults;
    private final AtomicLongArray stats = new AtomicLongArray(STATS);
    private final long[] lastSequence;
    /** A sequence number far ahead that waits for the next tick to follow on from it; 0 when none. */
    private final long[] leapSequence;
    private final long[] lastTime;
    private final long[] lastBid;
    private final long[] lastAsk;
    private final long[] lastLast;
    private final boolean[] seen;
    private final long[] goodPrice;
    private final long[] goodBid;
    private final long[] goodAsk;
    private final long[] goodLast;
    private final long[] goodTime;
    private final boolean[] hasGood;
    private final boolean[] held;
    private final long[] heldTime;
    private final long[] heldBid;
    private final long[] heldAsk;
    private final long[] heldLast;
    private final long[] heldSize;
    private final long[] heldSequence;
    private final AtomicIntegerArray releaseRequested;
    private final AtomicLong releaseRequests = new AtomicLong();
    private long releasesSeen;

    TickGate(final int instruments, final long jumpLimitPpm, final TickSink accepted, final FeedFaults faults) {
        this.instruments = instruments;
        this.jumpLimit = jumpLimitPpm / 1e6;
        this.accepted = accepted;
        this.faults = faults;
        lastSequence = new long[instruments];
        leapSequence = new long[instruments];
        lastTime = new long[instruments];
        lastBid = new long[instruments];
        lastAsk = new long[instruments];
        lastLast = new long[instruments];
        seen = new boolean[instruments];
        goodPrice = new long[instruments];
        goodBid = new long[instruments];
        goodAsk = new long[instruments];
        goodLast = new long[instruments];
        goodTime = new long[instruments];
        hasGood = new boolean[instruments];
        held = new boolean[instruments];
        heldTime = new long[instruments];
        heldBid = new long[instruments];
        heldAsk = new long[instruments];
        heldLast = new long[instruments];
        heldSize = new long[instruments];
        heldSequence = new long[instruments];
        releaseRequested = new AtomicIntegerArray(instruments);
    }

    @Override
    public void onTick(final long time, final int instrument, final long bid, final long ask, final long last,
        final long size, final long sequence) {
        increment(RECEIVED);
        if (releaseRequests.get() != releasesSeen) {
            releaseRequested();
        }
        if (instrument < 0 || instrument >= instruments) {
            faults.record(TickFault.UNKNOWN_SYMBOL, time, instrument, bid, ask, last, sequence);
            return;
        }
        final TickFault problem = sequence == NO_SEQUENCE ? sameAsLast(time, instrument, bid, ask, last)
            : sequenced(time, instrument, bid, ask, last, sequence);
        if (problem != null) {
            faults.record(problem, time, instrument, bid, ask, last, sequence);
            return;
        }
        final TickFault bad = priceProblem(time, instrument, bid, ask, last);
        if (bad != null) {
            faults.record(bad, time, instrument, bid, ask, last, sequence);
            return;
        }
        final long price = referencePrice(bid, ask, last);
        if (held[instrument]) {
            if (farFrom(heldBid[instrument], heldAsk[instrument], heldLast[instrument], heldPrice(instrument),
                heldTime[instrument], bid, ask, last, price, time) == null) {
                held[instrument] = false;
                increment(CONFIRMED);
                pass(time, instrument, bid, ask, last, size, sequence, price);
                return;
            }
            held[instrument] = false;
            increment(DISCARDED);
        }
        final TickFault far = hasGood[instrument] ? farFrom(goodBid[instrument], goodAsk[instrument],
            goodLast[instrument], goodPrice[instrument], goodTime[instrument], bid, ask, last, price, time) : null;
        if (far != null) {
            hold(time, instrument, bid, ask, last, size, sequence);
            faults.record(far, time, instrument, bid, ask, last, sequence);
            return;
        }
        pass(time, instrument, bid, ask, last, size, sequence, price);
    }

    /**
     * Whether a tick is far from a reference tick: any side it quotes beyond the jump limit from the same side of the
     * reference (or from the reference's price where the reference lacked that side), so neither a wild ask beside a
     * sane last nor a quote whose mid stays put while one side runs away can pass; or its time a leap ahead.
     *
     * @return {@link TickFault#JUMP}, {@link TickFault#TIME_LEAP}, or null when it is near
     */
    private TickFault farFrom(final long refBid, final long refAsk, final long refLast, final long refPrice,
        final long refTime, final long bid, final long ask, final long last, final long price, final long time) {
        if (time - refTime > MAX_TIME_LEAP_NANOS || refTime - time > MAX_TIME_LEAP_NANOS) {
            return TickFault.TIME_LEAP;
        }
        if (jumped(refPrice, price) || bid > 0 && jumped(refBid > 0 ? refBid : refPrice, bid)
            || ask > 0 && jumped(refAsk > 0 ? refAsk : refPrice, ask)
            || last > 0 && jumped(refLast > 0 ? refLast : refPrice, last)) {
            return TickFault.JUMP;
        }
        return null;
    }

    @Override
    public void onUnknownSymbol(final long time, final CharSequence symbol) {
        increment(RECEIVED);
        faults.recordUnknown(time, symbol);
    }

    /** Unnumbered feed: an update identical to the instrument's previous one (time and every price) is a duplicate. */
    private TickFault sameAsLast(final long time, final int instrument, final long bid, final long ask,
        final long last) {
        if (seen[instrument] && lastTime[instrument] == time && lastBid[instrument] == bid
            && lastAsk[instrument] == ask && lastLast[instrument] == last) {
            return TickFault.DUPLICATE;
        }
        seen[instrument] = true;
        lastTime[instrument] = time;
        lastBid[instrument] = bid;
        lastAsk[instrument] = ask;
        lastLast[instrument] = last;
        return null;
    }

    /** Numbered feed: a number already seen is a duplicate; a skipped number is a gap, counted, and the tick used. */
    private TickFault sequenced(final long time, final int instrument, final long bid, final long ask,
        final long last, final long sequence) {
        final long previous = lastSequence[instrument];
        if (sequence <= previous) {
            return TickFault.DUPLICATE;
        }
        if (previous != 0 && sequence - previous > MAX_SEQUENCE_LEAP
            && (leapSequence[instrument] == 0 || sequence != leapSequence[instrument] + 1)) {
            // A number far ahead: a garbled field, or the feed really skipped that far. Counted as a gap and the tick
            // judged as any other, but the numbering moves there only when the next tick follows on from it: one
            // corrupt number must not make every real update after it a duplicate.
            leapSequence[instrument] = sequence;
            faults.record(TickFault.GAP, time, instrument, bid, ask, last, sequence);
            return null;
        }
        leapSequence[instrument] = 0;
        lastSequence[instrument] = sequence;
        if (previous != 0 && sequence != previous + 1) {
            faults.record(TickFault.GAP, time, instrument, bid, ask, last, sequence);
        }
        return null;
    }

    private TickFault priceProblem(final long time, final int instrument, final long bid, final long ask,
        final long last) {
        if (bid == Fixed.INVALID || ask == Fixed.INVALID || last == Fixed.INVALID) {
            return TickFault.NOT_A_NUMBER;
        }
        final boolean twoSided = bid > 0 && ask > 0;
        if (bid < 0 || ask < 0 || last < 0 || (!twoSided && last == 0)) {
            return TickFault.NON_POSITIVE_PRICE;
        }
        if (twoSided && bid > ask) {
            return TickFault.CROSSED_QUOTE;
        }
        if (twoSided && bid == ask) {
            return TickFault.LOCKED_QUOTE;
        }
        if (hasGood[instrument] && time < goodTime[instrument]) {
            return TickFault.TIME_BACKWARDS;
        }
        return null;
    }

    /** The price a jump is measured on: the mid of a two-sided quote, otherwise the last trade. */
    private static long referencePrice(final long bid, final long ask, final long last) {
        return bid > 0 && ask > 0 ? bid + (ask - bid) / 2 : last;
    }

    private boolean jumped(final long from, final long to) {
        return jumpLimit > 0 && Math.abs((double)to - from) > from * jumpLimit;
    }

    private long heldPrice(final int instrument) {
        return referencePrice(heldBid[instrument], heldAsk[instrument], heldLast[instrument]);
    }

    private void hold(final long time, final int instrument, final long bid, final long ask, final long last,
        final long size, final long sequence) {
        held[instrument] = true;
        heldTime[instrument] = time;
        heldBid[instrument] = bid;
        heldAsk[instrument] = ask;
        heldLast[instrument] = last;
        heldSize[instrument] = size;
        heldSequence[instrument] = sequence;
    }

    private void pass(final long time, final int instrument, final long bid, final long ask, final long last,
        final long size, final long sequence, final long price) {
        goodPrice[instrument] = price;
        if (bid > 0) {
            goodBid[instrument] = bid;
        }
        if (ask > 0) {
            goodAsk[instrument] = ask;
        }
        if (last > 0) {
            goodLast[instrument] = last;
        }
        goodTime[instrument] = time;
        hasGood[instrument] = true;
        increment(ACCEPTED);
        accepted.onTick(time, instrument, bid, ask, last, size, sequence);
    }

    /**
     * Any thread: send the instrument's held tick on, at the feed's next tick or poll, as the operator vouches for
     * it. Nothing happens if none is held by then.
     */
    void requestRelease(final int instrument) {
        if (instrument < 0 || instrument >= instruments) {
            throw new IllegalArgumentException("no instrument " + instrument);
        }
        releaseRequested.set(instrument, 1);
        releaseRequests.incrementAndGet();
    }

    /** Feed thread: act on release requests while no tick arrives. */
    void poll() {
        if (releaseRequests.get() != releasesSeen) {
            releaseRequested();
        }
    }

    private void releaseRequested() {
        releasesSeen = releaseRequests.get();
        for (int id = 0; id < instruments; id++) {
            if (releaseRequested.get(id) != 0) {
                releaseRequested.set(id, 0);
                if (held[id]) {
                    held[id] = false;
                    increment(RELEASED);
                    pass(heldTime[id], id, heldBid[id], heldAsk[id], heldLast[id], heldSize[id], heldSequence[id],
                        heldPrice(id));
                }
            }
        }
    }

    /**
     * Before the feed starts: the instrument's last good price and its time as a recovered book knew them, so the
     * feed's first tick is judged against them rather than taken on trust.
     */
    void seed(final int instrument, final long price, final long time) {
        if (price > 0) {
            goodPrice[instrument] = price;
            goodTime[instrument] = time;
            hasGood[instrument] = true;
        }
    }

    /** Feed thread: forget the instrument's sequence, as after a fresh snapshot whose numbering starts again. */
    void resetSequence(final int instrument) {
        if (instrument < 0 || instrument >= instruments) {
            return;
        }
        lastSequence[instrument] = 0;
        leapSequence[instrument] = 0;
    }

    /** Whether the instrument has a held tick; feed thread. */
    boolean isHeld(final int instrument) {
        return held[instrument];
    }

    private void increment(final int stat) {
        stats.lazySet(stat, stats.get(stat) + 1);
    }

    /** Ticks (and unknown symbols) the feed delivered; any thread. */
    long received() {
        return stats.get(RECEIVED);
    }

    /** Ticks sent on to the engine's side; any thread. */
    long accepted() {
        return stats.get(ACCEPTED);
    }

    /** Held jumps the next tick confirmed; any thread. */
    long confirmed() {
        return stats.get(CONFIRMED);
    }

    /** Held jumps an operator released; any thread. */
    long released() {
        return stats.get(RELEASED);
    }

    /** Held jumps the next tick showed to be bad prints; any thread. */
    long discarded() {
        return stats.get(DISCARDED);
    }
}
