package io.rebalancer.benchmarks.harness;

import io.rebalancer.engine.domain.WaitStrategyKind;

import java.nio.file.Path;
import java.util.List;

/**
 * Tick to order intent through the real pipeline: ticks injected at a fixed offered rate into the engine's
 * Disruptor ring ({@code EngineTopology}, {@code InboundPublisher}), handled by the real {@code Engine} (drift,
 * trigger, planner, risk gate), journaled or not ({@code JournalingHandler} on a Chronicle journal, as the daemon
 * runs), until the order is in the venue side's hand-off ring ({@code OrderHandOff}, the queue the FIX gateway's
 * thread drains): the moment it has left the engine thread. Latency is measured from each causing tick's intended
 * send time (coordinated omission counted). The floor it is judged against is the raw Disruptor hop measured in the
 * same run; the difference is the engine's work on a tick (and, journaled, the journal's) plus the batch it waits in.
 * <p>
 * The load ({@link RebalancingLoad}): eight books of ten instruments; one tick in {@code max(10, rate / 500)} is a
 * causing moment, a pair of one book's instruments jumping out of their bands, which sends two orders (sell the one
 * that rose, buy the one that fell). So about 1,000 orders a second leave at any offered rate from 5,000 ticks a
 * second up, well inside the risk gate's limits, and an in-process venue ({@link InstantFills}, the daemon's paper
 * venue reduced to its answer) fills each one through the ring at once, so the books rebalance again and again.
 * Two results per run:
 * <ul>
 *     <li>{@code tick-to-intent}: the causing moments only, from their intended send time to their first order
 *     leaving the engine;</li>
 *     <li>{@code tick-handled}: every tick, to the engine's stage returning from it (booked, and judged when it
 *     ended its batch).</li>
 * </ul>
 * Allocation is the engine thread's, per tick, over the measurement (fills and orders included); GCs are the JVM's.
 * Run it alone: {@code java -cp benchmarks.jar io.rebalancer.benchmarks.harness.EngineIntentLatency [rate ...]}.
 */
public final class EngineIntentLatency implements AutoCloseable {
    public static final String NAME = "tick-to-intent";
    public static final String HANDLED_NAME = "tick-handled";
    /** At most this many causing moments a second, each sending two orders: about 1,000 orders a second. */
    static final double MAX_CAUSES_PER_SECOND = 500;

    private final boolean journal;
    private final InstantFills fills;
    private final EngineRig rig;

    /**
     * Starts the engine, its journal (when asked) and the instant-fill venue.
     *
     * @param waitStrategy how the engine thread waits: the same as the Disruptor floor's consumer, for a fair ratio
     * @param journal      journal every input and decision to Chronicle, as the daemon does unless {@code --no-journal}
     */
    public EngineIntentLatency(final WaitStrategyKind waitStrategy, final boolean journal) {
        this.journal = journal;
        final int orderCapacity = RebalancingLoad.config(waitStrategy).settings().orderCapacity();
        fills = new InstantFills(orderCapacity);
        EngineRig wired = null;
        try {
            wired = new EngineRig(waitStrategy, journal, EngineRig.epochOffsetNanos(), fills.orderSink(), null);
            fills.start(wired.publisher());
            wired.start();
        } catch (final RuntimeException ex) {
            fills.close();
            if (wired != null) {
                wired.close();
            }
            throw ex;
        }
        rig = wired;
    }

    /** The {@code tick-to-intent} result of one run; see {@link #measureAll}. */
    public ScenarioResult measure(final double offeredPerSecond, final long warmupNanos, final long measureNanos) {
        return measureAll(offeredPerSecond, warmupNanos, measureNanos).get(0);
    }

    /** Warms up at the offered rate, measures, and returns {@code tick-to-intent} and {@code tick-handled}. */
    public List<ScenarioResult> measureAll(final double offeredPerSecond, final long warmupNanos,
        final long measureNanos) {
        final EngineRig.Run run = rig.run(offeredPerSecond, warmupNanos, measureNanos, MAX_CAUSES_PER_SECOND);
        final Throwable failure = fills.failure();
        if (failure != null) {
            throw new IllegalStateException("the instant-fill venue failed", failure);
        }
        final String note = run.describe();
        return List.of(run.result(NAME, journal, offeredPerSecond, run.window().intent, note),
            run.result(HANDLED_NAME, journal, offeredPerSecond, run.window().handled, note));
    }

    /** The last run's record, or null: for the smoke test. */
    EngineRig.Run lastRun() {
        return rig.lastRun();
    }

    /** The temporary journal's folder, null with the journal off: for the smoke test. */
    Path journalFolder() {
        return rig.journalFolder();
    }

    /** Stops the venue, then the engine (which books what the venue sent last), and deletes the journal. */
    @Override
    public void close() {
        try {
            fills.close();
        } finally {
            rig.close();
        }
    }

    /** Measures at the given rates (see {@link ScenarioMain}), journal off then on, and prints a line each. */
    public static void main(final String[] args) {
        for (final boolean journal : new boolean[] {false, true}) {
            try (EngineIntentLatency scenario = new EngineIntentLatency(WaitStrategyKind.YIELDING, journal)) {
                ScenarioMain.run(args, scenario::measureAll);
            }
        }
    }
}
