package io.rebalancer.marketdata.edge;

import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.TickSink;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The back-pressure policy for ticks, on the feed's thread. While the engine keeps up, a tick goes straight into the
 * ring. When ticks would take the ring's last {@code headroom} slots, the tick waits here instead, one slot per
 * instrument, and a newer tick for the same instrument replaces it (latest wins: the engine only ever wants the
 * current price). Waiting instruments are sent in the order they first waited, as the ring frees up, on the next
 * tick or {@link #drain()}. So what waits is bounded by the number of instruments, however fast the feed and however
 * slow the engine; and the headroom keeps room for executions, timers and commands, which publish through the same
 * ring but are never conflated, never dropped, and wait for a slot rather than lose one.
 * <p>
 * A replay may hold ticks instead ({@link #hold(boolean)}): every tick waits until {@link #drain()}, which puts all
 * that wait into the ring in one claim once there is room for all of them (never part of a moment, unless a moment
 * is bigger than the ring), so the engine takes them as one batch. One gap remains: the ring marks a claim's slots
 * published one by one, so an engine thread reading at that very instant may see the moment's first slots as a
 * batch of their own. A mark of the moment's end in the ring would close it. A replay drains at each new moment of
 * event time, so the engine judges a whole day's closes together, never a day half updated, whatever the threads'
 * timing (a tick repeated for the same instrument and moment still replaces the one before).
 * <p>
 * One thread only (the feed's); allocation-free.
 */
final class TickConflator implements TickSink {
    private static final int PUBLISHED = 0;
    private static final int CONFLATED = 1;
    private static final int MOST_WAITING = 2;
    private static final int WAITING = 3;
    private static final int STATS = 4;

    private final InboundPublisher publisher;
    private final int headroom;
    private final boolean[] waiting;
    private final long[] time;
    private final long[] bid;
    private final long[] ask;
    private final long[] last;
    /** Instruments waiting, oldest first: a ring of ids, never more than one entry per instrument. */
    private final int[] queue;
    private int head;
    private int count;
    private boolean hold;
    private final AtomicLongArray stats = new AtomicLongArray(STATS);

    TickConflator(final int instruments, final InboundPublisher publisher, final int headroom) {
        this.publisher = publisher;
        this.headroom = headroom;
        waiting = new boolean[instruments];
        time = new long[instruments];
        bid = new long[instruments];
        ask = new long[instruments];
        last = new long[instruments];
        queue = new int[instruments];
    }

    @Override
    public void onTick(final long timeNanos, final int instrument, final long bidPrice, final long askPrice,
        final long lastPrice, final long size, final long sequence) {
        if (count == 0 && !hold && publisher.tryTick(timeNanos, instrument, bidPrice, askPrice, lastPrice,
            headroom)) {
            increment(PUBLISHED);
            return;
        }
        if (waiting[instrument]) {
            increment(CONFLATED);
        } else {
            waiting[instrument] = true;
            queue[(head + count) % queue.length] = instrument;
            count++;
            if (count > stats.get(MOST_WAITING)) {
                stats.lazySet(MOST_WAITING, count);
            }
        }
        time[instrument] = timeNanos;
        bid[instrument] = bidPrice;
        ask[instrument] = askPrice;
        last[instrument] = lastPrice;
        if (!hold) {
            drain();
        }
    }

    /** Feed thread: with {@code true}, every tick waits for {@link #drain()}; see the class comment. */
    void hold(final boolean holdTicks) {
        hold = holdTicks;
    }

    /** Never reached: the gate counts unknown symbols and passes only known instruments on. */
    @Override
    public void onUnknownSymbol(final long timeNanos, final CharSequence symbol) {
    }

    /**
     * Sends waiting ticks, oldest first, while the ring has room beyond the headroom.
     *
     * @return how many were sent
     */
    int drain() {
        int sent = 0;
        if (hold && count > publisher.tickRoom(headroom) && count <= publisher.tickCapacity(headroom)) {
            // A held moment goes in whole or not yet: half of it would be judged without the rest.
            return 0;
        }
        while (count > 0) {
            final int claimed = Math.min(count, publisher.tickRoom(headroom));
            final long lastSequence = claimed == 0 ? -1 : publisher.tryClaimTicks(claimed);
            if (lastSequence < 0) {
                break;
            }
            final long firstSequence = lastSequence - claimed + 1;
            try {
                for (long sequence = firstSequence; sequence <= lastSequence; sequence++) {
                    final int instrument = queue[head];
                    publisher.setTick(sequence, time[instrument], instrument, bid[instrument], ask[instrument],
                        last[instrument]);
                    waiting[instrument] = false;
                    head = (head + 1) % queue.length;
                    count--;
                    sent++;
                }
            } finally {
                // A claimed slot left unpublished would stall every producer of the ring for good.
                publisher.publish(firstSequence, lastSequence);
            }
        }
        if (sent > 0) {
            stats.lazySet(PUBLISHED, stats.get(PUBLISHED) + sent);
        }
        stats.lazySet(WAITING, count);
        return sent;
    }

    private void increment(final int stat) {
        stats.lazySet(stat, stats.get(stat) + 1);
    }

    /** Instruments whose latest tick waits for room; feed thread. */
    int waiting() {
        return count;
    }

    /** Ticks put into the ring; any thread. */
    long published() {
        return stats.get(PUBLISHED);
    }

    /** Ticks replaced by a newer one for the same instrument before the engine saw them; any thread. */
    long conflated() {
        return stats.get(CONFLATED);
    }

    /** The most instruments that ever waited at once; any thread. */
    long mostWaiting() {
        return stats.get(MOST_WAITING);
    }

    /** Instruments waiting at the last look; any thread. */
    long waitingNow() {
        return stats.get(WAITING);
    }
}
