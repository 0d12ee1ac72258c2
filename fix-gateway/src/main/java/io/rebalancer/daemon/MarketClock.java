package io.rebalancer.daemon;

import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.TickSink;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Between a feed and the market-data edge, on the feed's thread: keeps the market's clock for the run. It skips
 * ticks the recovered book has already seen (at or before its clock: a file replayed again after a restart goes on
 * where the journal ended), asks the engine for a status report when a tick crosses a status boundary of event time
 * (the engine reads no other clock) and at the end of the moment in which every instrument could have had its first
 * tick, and remembers the
 * first and last tick times for the summary.
 * <p>
 * It also keeps a replayed market in step with the engine and the venue ({@link Steps}): when event time moves on,
 * the moment that ended goes to the engine whole; before a tick more than {@code maxLead} of event time after the
 * one that opened the current stretch, the daemon waits until the engine has consumed everything and the venue has
 * answered what the engine sent. So an order meets the market of its own moment, however far apart the ticks are:
 * a daily file is held at every new day, the synthetic market every few dozen ticks.
 */
final class MarketClock implements TickSink {
    private final TickSink next;
    private final InboundPublisher publisher;
    private final long resumeAfter;
    private final long statusEvery;
    private final int instruments;
    private final long maxLead;
    private final Steps steps;
    private long leadStart;
    private long previousTime;
    private boolean opened;
    private long nextStatus;
    private long delivered;
    private long skipped;
    private long firstTime = Long.MIN_VALUE;
    /** The latest tick time, readable by any thread: an ordered store when it moves, no fence. */
    private final AtomicLong lastTime = new AtomicLong(Long.MIN_VALUE);
    private long lastCommandTime = Long.MIN_VALUE;

    /**
     * @param resumeAfter the recovered engine's clock: ticks at or before it are skipped; Long.MIN_VALUE for none
     * @param statusEvery event time between status reports
     * @param instruments ticks after which the opening status report is asked for
     * @param maxLead     the event time a stretch of ticks may span before {@link Steps#leadExceeded()}
     * @param steps       told, on the feed's thread, when a moment ends and when a stretch is over
     */
    MarketClock(final TickSink next, final InboundPublisher publisher, final long resumeAfter, final long statusEvery,
        final int instruments, final long maxLead, final Steps steps) {
        this.next = next;
        this.publisher = publisher;
        this.resumeAfter = resumeAfter;
        this.statusEvery = statusEvery;
        this.instruments = instruments;
        this.maxLead = maxLead;
        this.steps = steps;
    }

    @Override
    public void onTick(final long time, final int instrumentId, final long bid, final long ask, final long last,
        final long size, final long sequence) {
        if (!due(time)) {
            return;
        }
        next.onTick(time, instrumentId, bid, ask, last, size, sequence);
    }

    @Override
    public void onUnknownSymbol(final long time, final CharSequence symbol) {
        if (due(time)) {
            next.onUnknownSymbol(time, symbol);
        }
    }

    @Override
    public void onSequenceReset(final int instrumentId) {
        next.onSequenceReset(instrumentId);
    }

    /** Counts the tick, and asks for the status reports whose time has come before it goes on. */
    private boolean due(final long time) {
        if (time <= resumeAfter) {
            skipped++;
            return false;
        }
        if (delivered == 0) {
            firstTime = time;
            leadStart = time;
            nextStatus = boundaryAfter(time);
        } else {
            if (time != previousTime) {
                steps.momentEnded();
                if (!opened && delivered >= instruments) {
                    // The opening report, once every instrument could have had its first tick, after that moment
                    // went to the engine.
                    opened = true;
                    status(previousTime);
                }
            }
            if (time - leadStart > maxLead) {
                steps.leadExceeded();
                leadStart = time;
            }
            if (time >= nextStatus) {
                status(nextStatus);
                nextStatus = boundaryAfter(time);
            }
        }
        delivered++;
        previousTime = time;
        if (time > lastTime.get()) {
            lastTime.lazySet(time);
        }
        return true;
    }

    private long boundaryAfter(final long time) {
        final long boundary = Math.floorDiv(time, statusEvery) * statusEvery;
        return boundary > Long.MAX_VALUE - statusEvery ? Long.MAX_VALUE : boundary + statusEvery;
    }

    private void status(final long time) {
        lastCommandTime = Math.max(lastCommandTime, time);
        publisher.command(time, Command.REPORT_STATUS, -1, 0);
    }

    /** Ticks that went on to the edge (good or bad: the edge judges). */
    long delivered() {
        return delivered;
    }

    /** Ticks at or before the recovered clock, left out. */
    long skipped() {
        return skipped;
    }

    /** Event time of the first tick that went on, Long.MIN_VALUE before it. */
    long firstTime() {
        return firstTime;
    }

    /** The latest event time of a tick that went on, Long.MIN_VALUE before the first; any thread. */
    long lastTime() {
        return lastTime.get();
    }

    /** The market's time now: the latest tick or status report, Long.MIN_VALUE before either. */
    long now() {
        return Math.max(lastTime.get(), lastCommandTime);
    }

    /** A live feed's steps: nothing; the edge conflates when the engine falls behind. */
    static final Steps LIVE = new Steps() {
        @Override
        public void momentEnded() {
        }

        @Override
        public void leadExceeded() {
        }
    };

    /** What a replay does as event time moves on; both run on the feed's thread, before the tick that moved it. */
    interface Steps {
        /** The ticks of the moment before are all in: hand them to the engine together. */
        void momentEnded();

        /** The stretch is over: wait for the engine and the venue to catch up. */
        void leadExceeded();
    }
}
