package io.rebalancer.benchmarks.harness;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.pipeline.EngineTopology;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine as the daemon wires it, with the harness's probe around it and a fixed-rate tick injector in front.
 * <pre>
 *   caller's thread: OfferedLoad --RebalancingLoad ticks--> InboundPublisher --> EngineTopology ring
 *   engine thread:   EngineProbe stage --> JournalingHandler (journal on) or Engine (journal off)
 *                    Engine --orders--> [JournalSession's DecisionJournal] --> EngineProbe --> venue side's hand-off
 *   venue side:      its own threads; executions back into the same ring
 * </pre>
 * The engine stage is {@link EngineStage}'s (the daemon's wiring, journaled or not), with a snapshot every
 * {@link #SNAPSHOT_EVERY_INPUTS} inputs when journaled, as the daemon's default, and the probe as its order sink.
 */
final class EngineRig implements AutoCloseable {
    /** The daemon's default {@code --snapshot-every}: snapshots are part of journaling's cost. */
    static final long SNAPSHOT_EVERY_INPUTS = 1_000_000;
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long DRAIN_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    /** The least time the injector keeps going past the measurement's end, and the least wait for the engine. */
    private static final long MIN_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int DEADLINE_CHECK_MASK = 1023;

    private final long epochOffsetNanos;
    private final EngineProbe probe;
    private final EngineStage stage;
    private final EngineTopology topology;
    private final RebalancingLoad load;
    /** The last run, for the smoke test's counts. */
    private Run lastRun;

    /**
     * Wires the engine (not started).
     *
     * @param waitStrategy     how the engine thread waits, as the Disruptor floor's consumer does
     * @param journaled        journal every input and decision, as the daemon does by default
     * @param epochOffsetNanos event time minus {@link System#nanoTime()}: see {@link #epochOffsetNanos()}
     * @param venueSide        where orders go once they leave the engine
     * @param arrivals         the venue scenario's arrival table, or null
     */
    EngineRig(final WaitStrategyKind waitStrategy, final boolean journaled, final long epochOffsetNanos,
        final OrderSink venueSide, final OrderArrivals arrivals) {
        final EngineConfig config = RebalancingLoad.config(waitStrategy);
        this.epochOffsetNanos = epochOffsetNanos;
        probe = new EngineProbe(venueSide, epochOffsetNanos, arrivals);
        stage = journaled ? EngineStage.journaled(config, probe, Path.of(System.getProperty("java.io.tmpdir")),
            "latency harness, " + RebalancingLoad.class.getSimpleName() + ", " + waitStrategy, SNAPSHOT_EVERY_INPUTS)
            : EngineStage.bare(config, probe);
        topology = new EngineTopology(config.settings().ringSize(), waitStrategy, probe.around(stage.handler()),
            stage.faults());
        load = new RebalancingLoad(topology.publisher(), topology.ring(), probe::isSettled);
    }

    /**
     * Event time minus {@link System#nanoTime()}, taken once: each tick's event time is its intended send time plus
     * this, a real epoch time as the engine expects (its daily limits and price ages read it), and the probe takes it
     * off again.
     */
    static long epochOffsetNanos() {
        return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()) - System.nanoTime();
    }

    /** The last {@link #run}'s record, or null. */
    Run lastRun() {
        return lastRun;
    }

    /** The temporary journal's folder, null with the journal off; deleted by {@link #close}. */
    Path journalFolder() {
        return stage.folder();
    }

    /** The way into the engine, for the venue side's executions. */
    InboundPublisher publisher() {
        return topology.publisher();
    }

    /** Starts the engine thread and prices every instrument; the venue side should be started already. */
    void start() {
        topology.start();
        load.seed(System.nanoTime() + epochOffsetNanos);
        awaitConsumed(topology.ring().getCursor(), MIN_GRACE_NANOS);
    }

    /**
     * Offers {@code rate} ticks a second for {@code warmupNanos}, then {@code measureNanos} more (each rounded up to
     * whole cycles of the load), each tick stamped with its intended send time; waits (bounded) until the engine has
     * handled them all. Ticks the injector could not send by {@link #MIN_GRACE_NANOS} (or a measurement's length)
     * past the measurement's end are not sent.
     *
     * @param maxCausesPerSecond at most this many causing ticks a second (see {@link RebalancingLoad#ticksPerCause})
     */
    Run run(final double rate, final long warmupNanos, final long measureNanos, final double maxCausesPerSecond) {
        final int ticksPerCause = RebalancingLoad.ticksPerCause(rate, maxCausesPerSecond);
        // Whole cycles of the load in each phase: every measurement holds the same share of causing moments.
        final long warmupTicks = wholeCycles(warmupNanos / 1e9 * rate, ticksPerCause);
        final long measuredTicks = Math.max(ticksPerCause, wholeCycles(measureNanos / 1e9 * rate, ticksPerCause));
        final long total = warmupTicks + measuredTicks;
        final OfferedLoad offered = new OfferedLoad(System.nanoTime() + START_DELAY_NANOS, rate);
        final ProbeWindow window = new ProbeWindow(offered.intendedNanos(warmupTicks), offered.intendedNanos(total));
        probe.open(window);
        final long giveUp = window.toIntended + Math.max(MIN_GRACE_NANOS, measureNanos);
        MeasuredWindow measured = null;
        long sent = 0;
        long skippedBefore = 0;
        for (long i = 0; i < total; i++) {
            if (i == warmupTicks) {
                measured = MeasuredWindow.open(topology.engineThread());
                skippedBefore = load.skippedMoments();
            }
            final long intended = offered.awaitIntended(i);
            if ((i & DEADLINE_CHECK_MASK) == 0 && System.nanoTime() - giveUp > 0) {
                break;
            }
            load.publish(i, intended + epochOffsetNanos, ticksPerCause);
            sent++;
        }
        if (measured == null) {
            measured = MeasuredWindow.open(topology.engineThread());
            skippedBefore = load.skippedMoments();
        }
        final long skipped = load.skippedMoments() - skippedBefore;
        final long drainStart = System.nanoTime();
        final boolean drained = awaitConsumed(topology.ring().getCursor(), Math.max(MIN_GRACE_NANOS, measureNanos));
        measured.close();
        lastRun = new Run(window, measured, measuredTicks, Math.max(0, sent - warmupTicks), ticksPerCause, skipped,
            drained, System.nanoTime() - drainStart);
        return lastRun;
    }

    /** {@code ticks} rounded up to a multiple of {@code cycle}. */
    private static long wholeCycles(final double ticks, final int cycle) {
        return (long)Math.ceil(ticks / cycle) * cycle;
    }

    /** Waits, parking, until the engine has consumed the ring up to {@code sequence}; false when it timed out. */
    private boolean awaitConsumed(final long sequence, final long timeoutNanos) {
        final RingBuffer<InboundEvent> ring = topology.ring();
        final long deadline = System.nanoTime() + timeoutNanos;
        while (ring.getMinimumGatingSequence() < sequence) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(DRAIN_POLL_NANOS);
        }
        return true;
    }

    /** Stops the engine thread (after it drained), closes the journal and deletes its folder. */
    @Override
    public void close() {
        try {
            topology.stop(MIN_GRACE_NANOS, TimeUnit.NANOSECONDS);
        } finally {
            stage.close();
        }
    }

    /**
     * One run's record.
     *
     * @param window        what the probe recorded (read once the engine drained)
     * @param measured      the engine thread's allocation, the GCs and the wall time of the measurement
     * @param offeredTicks  ticks the measurement was to offer
     * @param sentTicks     of those, ticks the injector sent before it gave up
     * @param ticksPerCause one tick in this many started a causing moment
     * @param skipped       measured moments skipped because no pair was settled (a wanderer ticked instead)
     * @param drained       whether the engine caught up with every tick in time
     * @param drainNanos    how long the engine took to catch up after the last tick was sent
     */
    record Run(ProbeWindow window, MeasuredWindow measured, long offeredTicks, long sentTicks, int ticksPerCause,
               long skipped, boolean drained, long drainNanos) {
        /** A result whose rate, allocation and GCs are per tick, whatever the histogram holds. */
        ScenarioResult result(final String name, final boolean journal, final double offeredPerSecond,
            final Histogram histogram, final String note) {
            return new ScenarioResult(name, journal, offeredPerSecond, measured.ratePerSecond(window.ticks),
                histogram, measured.bytesPer(window.ticks), measured.gcCount(), note);
        }

        /** What qualifies every figure of the run, in one line. */
        String describe() {
            final ProbeWindow w = window;
            final StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
                "1 tick in %d starts a causing moment (two movers jump out of their bands); %d moments: %d answered,"
                    + " %d unanswered, %d in their previous moment's batch; %d orders (%d first, %d more in the same"
                    + " batches, %d in other batches); rate, bytes and GCs per tick", ticksPerCause, w.causes,
                w.answered, w.unanswered, w.merged, w.orders() + w.uncaused, w.answered, w.followers, w.uncaused));
            if (skipped > 0) {
                note.append(String.format(Locale.ROOT, "; %d moments skipped, no pair settled (orders still working)",
                    skipped));
            }
            if (sentTicks < offeredTicks) {
                note.append(String.format(Locale.ROOT, "; injector gave up: %d of %d ticks sent", sentTicks,
                    offeredTicks));
            }
            if (!drained) {
                note.append(String.format(Locale.ROOT, "; engine still behind %d ms after the last tick: %d ticks"
                    + " unmeasured", TimeUnit.NANOSECONDS.toMillis(drainNanos), sentTicks - w.ticks));
            }
            return note.toString();
        }
    }
}
