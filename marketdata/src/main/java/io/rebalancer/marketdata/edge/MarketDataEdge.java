package io.rebalancer.marketdata.edge;

import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.TickSink;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Where every feed meets the engine: ticks are judged ({@link TickGate}: a bad price never reaches the engine as a
 * valid one, each kind counted with a sample in {@link FeedFaults}), then published into the engine's ring through
 * the {@link TickConflator} (when the engine falls behind, the latest tick per instrument waits instead of an
 * unbounded queue, and executions and commands keep their room in the ring).
 * <pre>
 *   source --onTick--> TickGate --good ticks--> [also: e.g. the paper venue's quotes] --> TickConflator --> ring
 * </pre>
 * One edge per feed, called from the feed's thread only (a source calls {@link #onTick}, then {@link #drain()} when
 * it has nothing to send, so ticks that waited still go out). Status may be read from any thread. Allocation-free
 * per tick.
 */
public final class MarketDataEdge implements TickSink {
    private static final long FLUSH_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final FeedFaults faults = new FeedFaults();
    private final TickConflator conflator;
    private final TickGate gate;

    /**
     * @param instruments the number of instrument ids, 0..instruments-1
     * @param settings    the jump limit and the ring headroom kept from ticks
     * @param publisher   the engine's ring
     * @param alsoAccepted told of every good tick before the ring (the paper venue's touch); null for none
     */
    public MarketDataEdge(final int instruments, final EdgeSettings settings, final InboundPublisher publisher,
        final TickSink alsoAccepted) {
        conflator = new TickConflator(instruments, publisher, settings.tickHeadroom());
        gate = new TickGate(instruments, settings.jumpLimitPpm(), alsoAccepted == null ? conflator
            : new Both(alsoAccepted, conflator), faults);
    }

    @Override
    public void onTick(final long timeNanos, final int instrumentId, final long bid, final long ask, final long last,
        final long size, final long sequence) {
        gate.onTick(timeNanos, instrumentId, bid, ask, last, size, sequence);
    }

    @Override
    public void onUnknownSymbol(final long timeNanos, final CharSequence symbol) {
        gate.onUnknownSymbol(timeNanos, symbol);
    }

    /**
     * Feed thread, when the source has nothing new: sends released and waiting ticks as the ring has room.
     *
     * @return how many ticks went into the ring, for an idle strategy
     */
    public int drain() {
        gate.poll();
        return conflator.drain();
    }

    /**
     * Feed thread, at the end of a feed: waits (parking, never spinning) until every waiting tick is in the ring.
     *
     * @return false if some still waited when the timeout passed (the engine has stopped consuming)
     */
    public boolean flush(final long timeout, final TimeUnit unit) {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        drain();
        while (conflator.waiting() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(FLUSH_PARK_NANOS);
            drain();
        }
        return true;
    }

    /**
     * Feed thread: with {@code true}, good ticks wait until {@link #drain()} and then enter the ring together, as
     * one batch for the engine. A replay drains at each new moment of event time, so the engine judges each moment
     * whole; a live feed never holds.
     */
    public void holdUntilDrain(final boolean hold) {
        conflator.hold(hold);
    }

    /** Any thread: the operator vouches for the instrument's held jump; it goes on at the feed's next tick or drain. */
    public void requestRelease(final int instrumentId) {
        gate.requestRelease(instrumentId);
    }

    /**
     * Before the feed starts: a recovered book's last price (micros) and its time for the instrument, so the first
     * tick is jump-checked against it instead of taken on trust. A price of 0 seeds nothing.
     */
    public void seed(final int instrumentId, final long price, final long timeNanos) {
        gate.seed(instrumentId, price, timeNanos);
    }

    /**
     * Feed thread: forget an instrument's sequence number, as after a fresh snapshot that numbers from 1 again. Told
     * through the sink chain, so a recorder in front keeps it; an id the edge does not know is ignored.
     */
    @Override
    public void onSequenceReset(final int instrumentId) {
        gate.resetSequence(instrumentId);
    }

    /** Whether the instrument's latest move is held for confirmation; feed thread. */
    public boolean isHeld(final int instrumentId) {
        return gate.isHeld(instrumentId);
    }

    public FeedFaults faults() {
        return faults;
    }

    /** Ticks and unknown symbols the feed delivered; any thread. */
    public long received() {
        return gate.received();
    }

    /** Ticks that passed every check; any thread. */
    public long accepted() {
        return gate.accepted();
    }

    /** Ticks put into the engine's ring; any thread. */
    public long published() {
        return conflator.published();
    }

    /** Ticks replaced by a newer one for their instrument before the engine saw them; any thread. */
    public long conflated() {
        return conflator.conflated();
    }

    /** The most instruments whose tick waited for room at once; any thread. */
    public long mostWaiting() {
        return conflator.mostWaiting();
    }

    /** Held jumps confirmed by the next tick, released by an operator, and shown to be bad prints; any thread. */
    public long jumpsConfirmed() {
        return gate.confirmed();
    }

    public long jumpsReleased() {
        return gate.released();
    }

    public long jumpsDiscarded() {
        return gate.discarded();
    }

    /**
     * For people (status output): the feed's totals, then each fault kind seen with its count and latest sample,
     * one per line; any thread; allocates.
     *
     * @param symbols the configured symbol of each instrument id
     */
    public String describe(final IntFunction<String> symbols) {
        final StringBuilder text = new StringBuilder(256);
        text.append("market data: ").append(received()).append(" received, ").append(accepted()).append(" good, ")
            .append(faults.refused()).append(" refused, ").append(conflated()).append(" conflated, ")
            .append(published()).append(" to the engine");
        if (jumpsConfirmed() + jumpsReleased() + jumpsDiscarded() > 0) {
            text.append("; jumps confirmed ").append(jumpsConfirmed()).append(", released ").append(jumpsReleased())
                .append(" (counted refused, then good)").append(", bad prints ").append(jumpsDiscarded());
        }
        for (final TickFault kind : TickFault.values()) {
            final long count = faults.count(kind);
            if (count > 0) {
                final String sample = faults.sample(kind, symbols);
                text.append(System.lineSeparator()).append("  ").append(kind.name().toLowerCase().replace('_', ' '))
                    .append(": ").append(count).append(sample == null ? "" : ", latest " + sample);
            }
        }
        return text.toString();
    }

    /** Tells two sinks of each good tick, the first before the second. */
    private static final class Both implements TickSink {
        private final TickSink first;
        private final TickSink second;

        Both(final TickSink first, final TickSink second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void onTick(final long timeNanos, final int instrumentId, final long bid, final long ask,
            final long last, final long size, final long sequence) {
            first.onTick(timeNanos, instrumentId, bid, ask, last, size, sequence);
            second.onTick(timeNanos, instrumentId, bid, ask, last, size, sequence);
        }

        @Override
        public void onUnknownSymbol(final long timeNanos, final CharSequence symbol) {
            first.onUnknownSymbol(timeNanos, symbol);
        }
    }
}
