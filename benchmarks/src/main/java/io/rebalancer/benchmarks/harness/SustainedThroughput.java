package io.rebalancer.benchmarks.harness;

import io.rebalancer.engine.config.ConfigDefaults;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.WaitStrategyKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.rebalancer.benchmarks.harness.ResultsWriter.number;

/**
 * The highest tick rate the daemon's pipeline holds, and what limits it: ticks published from one thread into the
 * real inbound ring ({@code EngineTopology}), consumed by the real engine, every input journaled to a real Chronicle
 * queue when journaling is on (wired as the daemon wires it: see {@link ThroughputPipeline}).
 * <p>
 * <b>Held</b> means that over the whole window the engine kept up with what was offered: it consumed at least
 * {@link #HOLD_FRACTION} of the ticks that fell due, and the backlog (ticks due but not consumed: the producer's lag
 * plus the ring's fill) did not grow: its mean over the window's last quarter is at most a ring's worth of ticks
 * above its mean over the first quarter. {@link #find} searches for the highest rate held in short trials (a ramp
 * down from the unthrottled rate, then a bisection) and confirms it for the hold time; {@link #unthrottled} runs the
 * producer flat out and reports the ceiling and where the time went ({@link Limit}). The product's target, reported
 * and never asserted: 5 million ticks a second held with journaling on, one portfolio of 100 instruments.
 * <p>
 * Each trial runs on a fresh pipeline with a fresh journal, deleted as soon as the trial ends (a minute at millions
 * of ticks a second is gigabytes); journals go in a folder under {@code java.io.tmpdir} that {@link #close} removes.
 * A trial that would leave less than {@link #MIN_FREE_BYTES} on that disk is refused; one that runs the disk that low
 * stops early.
 * <p>
 * Run it: {@code java <Chronicle flags from REFERENCE.md> -cp benchmarks/target/benchmarks.jar
 * io.rebalancer.benchmarks.harness.SustainedThroughput [holdSeconds [trialSeconds [WAIT]]]}.
 */
public final class SustainedThroughput implements AutoCloseable {
    /** Consumed over due, at least, for a rate to count as held. */
    public static final double HOLD_FRACTION = 0.99;
    /** The least free space a journaled trial may leave on the journal's disk. */
    public static final long MIN_FREE_BYTES = 4L << 30;
    /** The daemon's ring ({@code [engine] ring-size} default). */
    private static final int RING_SIZE = ConfigDefaults.DEFAULT_RING_SIZE;
    private static final long MAX_SETTLE_NANOS = 500_000_000L;
    private static final long MAX_WARMUP_NANOS = 3_000_000_000L;
    /** Journal bytes per tick assumed when checking free space: 64 B a record and Chronicle's overhead, rounded up. */
    private static final long ASSUMED_BYTES_PER_TICK = 80;
    /** Assumed unthrottled rate when checking free space before it is known. */
    private static final double ASSUMED_CEILING = 30e6;
    private static final int MAX_RAMP = 6;
    private static final double RAMP_FACTOR = 0.8;
    private static final int MAX_BISECT = 4;
    private static final double BISECT_PRECISION = 0.03;
    private static final int MAX_CONFIRM = 3;
    /** The engine thread counts as saturated on CPU at this share of the wall time, or more. */
    private static final double ON_CPU = 0.85;
    /** A producer that waited this share of the window for a CPU, or more, was held back by the box. */
    private static final double BUSY_SHARE = 0.05;

    /** What stopped the rate going higher. */
    public enum Limit {
        /** Held: nothing saturated at the rate offered. */
        OFFERED_RATE,
        /** The ring stayed mostly empty: the engine waited for ticks the producer could not publish sooner. */
        PRODUCER,
        /** The ring was full and the engine thread on CPU all along: its work per tick (engine and journal). */
        ENGINE_THREAD,
        /** The engine thread (ring full) or the producer (ring empty) spent much of its time runnable but waiting
         * for a CPU: other threads and processes on the box had the cores. */
        BUSY_BOX,
        /** The ring was full, and the engine thread spent much of its time blocked in the kernel: with a journal,
         * page faults on its mapped file waiting for the disk, or the kernel throttling its writeback. */
        KERNEL
    }

    /**
     * One measurement.
     *
     * @param name                 {@code sustained-<portfolios>x<instruments>[-journal]}
     * @param offeredPerSecond     the rate offered; 0 for unthrottled
     * @param achievedPerSecond    ticks the engine consumed per second of the window
     * @param held                 whether the offered rate was held (always false unthrottled)
     * @param ticks                ticks the engine consumed in the window
     * @param seconds              the window's wall time
     * @param maxBacklog           most ticks due and not consumed at any sample
     * @param ringFill             the ring's mean fill, as a fraction of the slots ticks may take
     * @param producerStalled      fraction of the window the producer was parked on a full ring
     * @param engineCpu            the engine thread's CPU time over the window's wall time
     * @param engineKernel         the part of it in the kernel (page faults on the journal's mapped file, mostly)
     * @param engineWaitingForCpu  the share of the window the engine thread was runnable but waited for a CPU (Linux
     *                             scheduler statistics; -1 elsewhere); the rest of its time off CPU it was blocked
     * @param engineNanosPerTick   the engine thread's CPU time per tick consumed; its work per tick when the ring is
     *                             full (it never waits), more otherwise (its wait strategy's spinning and yielding)
     * @param producerWaitingForCpu the share of the window the producer was runnable but waited for a CPU
     * @param producerNanosPerTick the producer thread's CPU time per tick published; its work per tick when
     *                             unthrottled (it parks on a full ring), more at an offered rate (it spins for the
     *                             next batch's time)
     * @param journalBytesPerTick  bytes appended to the journal per tick over the trial, Chronicle's headers and
     *                             index included (0 without a journal; NaN when the trial crossed midnight UTC and
     *                             the journal rolled to a new file)
     * @param journalMegabytesPerSecond the same times the achieved rate, in MB (10^6 bytes) a second
     * @param allocatedBytesPerTick bytes the engine thread allocated per tick; -1 when unknown
     * @param gcCount              collections in the window
     * @param limit                what stopped the rate going higher
     * @param note                 one line: how the figure was found, and what qualifies it
     */
    public record Result(String name, boolean journal, double offeredPerSecond, double achievedPerSecond, boolean held,
        long ticks, double seconds, long maxBacklog, double ringFill, double producerStalled, double engineCpu,
        double engineKernel, double engineWaitingForCpu, double engineNanosPerTick, double producerWaitingForCpu,
        double producerNanosPerTick, double journalBytesPerTick, double journalMegabytesPerSecond,
        double allocatedBytesPerTick, long gcCount, Limit limit, String note) {

        Result withNote(final String text) {
            return new Result(name, journal, offeredPerSecond, achievedPerSecond, held, ticks, seconds, maxBacklog,
                ringFill, producerStalled, engineCpu, engineKernel, engineWaitingForCpu, engineNanosPerTick,
                producerWaitingForCpu, producerNanosPerTick, journalBytesPerTick, journalMegabytesPerSecond,
                allocatedBytesPerTick, gcCount, limit, text);
        }

        /** The figures as one JSON object (NaN as null), for the suite's results file. */
        public String json() {
            return String.format(Locale.ROOT, "{\"name\": \"%s\", \"journal\": %b, \"offeredPerSecond\": %s,"
                    + " \"achievedPerSecond\": %s, \"held\": %b, \"ticks\": %d, \"seconds\": %s,"
                    + " \"maxBacklog\": %d, \"ringFill\": %s, \"producerStalled\": %s, \"engineCpu\": %s,"
                    + " \"engineKernel\": %s, \"engineWaitingForCpu\": %s, \"engineNanosPerTick\": %s,"
                    + " \"producerWaitingForCpu\": %s, \"producerNanosPerTick\": %s, \"journalBytesPerTick\": %s,"
                    + " \"journalMegabytesPerSecond\": %s, \"allocatedBytesPerTick\": %s, \"gcCount\": %d,"
                    + " \"limit\": \"%s\", \"note\": \"%s\"}",
                name, journal, number(offeredPerSecond), number(achievedPerSecond), held, ticks, number(seconds),
                maxBacklog, number(ringFill), number(producerStalled), number(engineCpu), number(engineKernel),
                number(engineWaitingForCpu), number(engineNanosPerTick), number(producerWaitingForCpu),
                number(producerNanosPerTick), number(journalBytesPerTick), number(journalMegabytesPerSecond),
                number(allocatedBytesPerTick), gcCount, limit, ResultsWriter.escape(note));
        }

        /** One line for a table or a log. */
        public String describe() {
            return String.format(Locale.ROOT, "%s %s: %s ticks/s over %.1f s%s; ring %.0f%% full, producer stalled"
                    + " %.0f%%; engine thread %.0f%% on CPU (%.0f%% kernel), %.0f%% waiting for a CPU, %.0f ns/tick;"
                    + " producer %.0f%% waiting for a CPU, %.0f ns/tick; journal %.1f B/tick, %.0f MB/s;"
                    + " %.2f B/tick allocated, %d GCs; limit %s; %s",
                name, offeredPerSecond > 0 ? "at " + rate(offeredPerSecond) + "/s" : "unthrottled",
                rate(achievedPerSecond), seconds, offeredPerSecond > 0 ? held ? " HELD" : " NOT HELD" : "",
                100 * ringFill, 100 * producerStalled, 100 * engineCpu, 100 * engineKernel, 100 * engineWaitingForCpu,
                engineNanosPerTick, 100 * producerWaitingForCpu, producerNanosPerTick, journalBytesPerTick,
                journalMegabytesPerSecond, allocatedBytesPerTick, gcCount, limit, note);
        }
    }

    private final EngineConfig config;
    private final PriceTape tape;
    private final boolean journal;
    private final String name;
    private final String description;
    /** Where each trial's journal folder is made; null without a journal. */
    private final Path journalRoot;
    private final List<Result> trials = new ArrayList<>();
    private boolean warm;
    private double lastCeiling = ASSUMED_CEILING;

    private SustainedThroughput(final int portfolios, final int instrumentsPerPortfolio, final int universe,
        final boolean journal, final WaitStrategyKind wait) {
        config = ClientBook.config(portfolios, instrumentsPerPortfolio, universe, wait, RING_SIZE);
        tape = new PriceTape(universe);
        this.journal = journal;
        name = "sustained-" + portfolios + "x" + instrumentsPerPortfolio + (journal ? "-journal" : "");
        description = ClientBook.describe(portfolios, instrumentsPerPortfolio, universe) + ", ring " + RING_SIZE
            + ", " + wait + " wait, journal " + (journal ? "on" : "off");
        try {
            journalRoot = journal ? Files.createTempDirectory("sustained-throughput-") : null;
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot make a folder for the journals", ex);
        }
    }

    /**
     * Builds the book (see {@link ClientBook}: each account holds {@code instrumentsPerPortfolio} of {@code universe}
     * instruments; with more than one account, 10 core funds are in every account and the rest drawn per account).
     *
     * @param wait the engine thread's wait strategy, the same as the latency scenarios use
     */
    public static SustainedThroughput open(final int portfolios, final int instrumentsPerPortfolio,
        final int universe, final boolean journal, final WaitStrategyKind wait) {
        return new SustainedThroughput(portfolios, instrumentsPerPortfolio, universe, journal, wait);
    }

    /** Every trial this instance ran, in order (warm-up left out): the search's steps, for a log or JSON. */
    public List<Result> trials() {
        return List.copyOf(trials);
    }

    /** The folder each trial's journal goes in, null without a journal; gone after {@link #close}. For tests. */
    Path journalRoot() {
        return journalRoot;
    }

    /** What this instance measures, in one line. */
    public String description() {
        return description;
    }

    /**
     * Searches for the highest rate held over {@code trialNanos} (after an unthrottled trial for the ceiling: a ramp
     * down by a fifth at a time from 95% of it, then a bisection to within 3%), then confirms it for
     * {@code holdNanos}, stepping down if the hold fails (a trial of a few seconds does not see what a minute
     * brings: the kernel throttling the journal's writeback once dirty pages pile up, a collection).
     *
     * @return the confirming run; its note gives the search's path
     */
    public Result find(final long trialNanos, final long holdNanos) {
        warmUp(trialNanos);
        final Result ceiling = trial(0, trialNanos);
        final StringBuilder path = new StringBuilder("unthrottled ").append(rate(ceiling.achievedPerSecond()));
        double rate = roundRate(ceiling.achievedPerSecond() * 0.95);
        double failed = ceiling.achievedPerSecond();
        Result best = null;
        Result last = ceiling;
        for (int i = 0; i < MAX_RAMP && best == null && rate > 0; i++) {
            last = trial(rate, trialNanos);
            path.append(", ").append(rate(rate)).append(last.held() ? " held" : " not held");
            if (last.held()) {
                best = last;
            } else {
                failed = rate;
                rate = roundRate(rate * RAMP_FACTOR);
            }
        }
        if (best == null) {
            return last.withNote("no rate held: " + path);
        }
        for (int i = 0; i < MAX_BISECT && (failed - best.offeredPerSecond()) / failed > BISECT_PRECISION; i++) {
            final double middle = roundRate((best.offeredPerSecond() + failed) / 2);
            if (middle <= best.offeredPerSecond() || middle >= failed) {
                break;
            }
            final Result trial = trial(middle, trialNanos);
            path.append(", ").append(rate(middle)).append(trial.held() ? " held" : " not held");
            if (trial.held()) {
                best = trial;
            } else {
                failed = middle;
            }
        }
        rate = best.offeredPerSecond();
        Result hold = null;
        for (int i = 0; i < MAX_CONFIRM; i++) {
            hold = trial(rate, holdNanos);
            path.append(String.format(Locale.ROOT, "; %.0f s at %s %s", hold.seconds(), rate(rate),
                hold.held() ? "held" : "not held"));
            if (hold.held()) {
                break;
            }
            rate = roundRate(Math.min(rate * 0.9, hold.achievedPerSecond() * 0.97));
        }
        return hold.withNote(hold.note() + "; search: " + path);
    }

    /** The producer flat out for {@code nanos}: the ceiling, and where the time went. */
    public Result unthrottled(final long nanos) {
        warmUp(nanos);
        return trial(0, nanos);
    }

    /** The first run of an instance compiles the hot paths: run flat out a while, measure nothing. */
    private void warmUp(final long trialNanos) {
        if (!warm) {
            warm = true;
            trial(0, Math.min(MAX_WARMUP_NANOS, 2 * trialNanos));
            trials.clear();
        }
    }

    private Result trial(final double ratePerSecond, final long windowNanos) {
        final long settleNanos = Math.min(MAX_SETTLE_NANOS, windowNanos / 4);
        checkSpace(ratePerSecond > 0 ? ratePerSecond : lastCeiling, settleNanos + windowNanos);
        final ThroughputPipeline pipeline = ThroughputPipeline.start(config, journalRoot, description);
        final TickPump pump;
        final Window window;
        try {
            pump = new TickPump(tape, pipeline);
            window = pump.run(ratePerSecond, settleNanos, windowNanos);
        } finally {
            pipeline.close();
        }
        pipeline.verify(pump.published());
        final double journalBytesPerTick = pipeline.journalBytes() < 0 ? Double.NaN
            : (double) pipeline.journalBytes() / Math.max(1, pump.published());
        final Result result = result(ratePerSecond, window, journalBytesPerTick);
        trials.add(result);
        if (ratePerSecond <= 0) {
            lastCeiling = Math.max(result.achievedPerSecond(), 1);
        }
        return result;
    }

    private Result result(final double rate, final Window window, final double journalBytesPerTick) {
        final long ticks = window.consumed();
        final double seconds = window.nanos() / 1e9;
        final boolean held = rate > 0 && !window.diskLow() && ticks >= HOLD_FRACTION * window.due()
            && window.lastQuarterBacklog() <= window.firstQuarterBacklog() + RING_SIZE;
        final double stalled = (double) window.stalledNanos() / window.nanos();
        final Limit limit = held ? Limit.OFFERED_RATE : limit(window, stalled);
        final double perTick = ticks == 0 ? Double.NaN : 1.0 / ticks;
        final double allocated = window.engineAllocatedBytes() < 0 ? -1 : window.engineAllocatedBytes() * perTick;
        final String note = String.format(Locale.ROOT, "%s consumed of %s due, backlog %s max, %s at the end%s",
            count(ticks), count(window.due()), count(window.maxBacklog()), count(window.endBacklog()),
            window.diskLow() ? "; stopped early: the disk is nearly full" : "");
        return new Result(name, journal, Math.max(0, rate), ticks / seconds, held, ticks, seconds,
            window.maxBacklog(), window.ringFill(), stalled, window.engineCpu(), window.engineKernel(),
            window.engineWaitingForCpu(),
            window.engineCpu() * window.nanos() * perTick, window.producerWaitingForCpu(),
            window.producerCpu() * window.nanos() / Math.max(1, window.published()),
            journalBytesPerTick, journalBytesPerTick * ticks / 1e6 / seconds, allocated, window.gcCount(),
            limit, note);
    }

    /**
     * Which side ran out. A mostly empty ring that the producer seldom waited on means the engine waited for ticks:
     * the producer's side, unless the producer itself spent more than {@link #BUSY_SHARE} of the window waiting for
     * a CPU. Otherwise the engine's side: its own work when it was on CPU {@link #ON_CPU} of the time or more; else
     * the box when it waited for a CPU for at least half the time it was off one, else the kernel.
     */
    private static Limit limit(final Window window, final double stalled) {
        if (window.ringFill() < 0.5 && stalled < 0.1) {
            return window.producerWaitingForCpu() > BUSY_SHARE ? Limit.BUSY_BOX : Limit.PRODUCER;
        }
        if (window.engineCpu() < 0 || window.engineCpu() >= ON_CPU) {
            return Limit.ENGINE_THREAD;
        }
        return window.engineWaitingForCpu() >= (1 - window.engineCpu()) / 2 ? Limit.BUSY_BOX : Limit.KERNEL;
    }

    /** Refuses a journaled trial that could leave the disk with less than {@link #MIN_FREE_BYTES}. */
    private void checkSpace(final double ratePerSecond, final long nanos) {
        if (journalRoot == null) {
            return;
        }
        final long needed = (long) (ratePerSecond * nanos / 1e9 * ASSUMED_BYTES_PER_TICK);
        final long free;
        try {
            free = Files.getFileStore(journalRoot).getUsableSpace();
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot check the free space of " + journalRoot, ex);
        }
        if (free - needed < MIN_FREE_BYTES) {
            throw new IllegalStateException(String.format(Locale.ROOT, "a trial of %.0f s at %s ticks/s may journal"
                + " %d MB and %s has %d MB free: point java.io.tmpdir at a larger disk or shorten the trial",
                nanos / 1e9, rate(ratePerSecond), needed >> 20, journalRoot, free >> 20));
        }
    }

    /** Deletes the folder the journals went in (each trial deleted its own already). */
    @Override
    public void close() {
        if (journalRoot != null) {
            EngineStage.delete(journalRoot);
        }
    }

    /** Two and a half significant figures: 4.73M to 4.70M, 237k to 235k. */
    static double roundRate(final double rate) {
        if (!(rate >= 1)) {
            return 0;
        }
        final double step = Math.pow(10, Math.floor(Math.log10(rate))) / 20;
        return Math.max(1, Math.floor(rate / step) * step);
    }

    static String rate(final double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
        }
        return perSecond >= 1e3 ? String.format(Locale.ROOT, "%.1fk", perSecond / 1e3)
            : String.format(Locale.ROOT, "%.0f", perSecond);
    }

    private static String count(final long ticks) {
        return String.format(Locale.ROOT, "%,d", ticks);
    }

    /**
     * Issue 6, item 3: the highest rate held with journaling on for 1 portfolio of 100 instruments and for 1,000
     * accounts of 40 from a universe of 500, each beside its unthrottled ceiling, and the same ceilings with
     * journaling off. Arguments: hold seconds (60), trial seconds (3), wait strategy (YIELDING).
     */
    public static void main(final String[] args) {
        final long hold = (long) (Double.parseDouble(args.length > 0 ? args[0] : "60") * 1e9);
        final long trial = (long) (Double.parseDouble(args.length > 1 ? args[1] : "3") * 1e9);
        final WaitStrategyKind wait = WaitStrategyKind.valueOf(args.length > 2 ? args[2] : "YIELDING");
        final int[][] books = {{1, 100, 100}, {1_000, 40, 500}};
        for (final int[] book : books) {
            try (SustainedThroughput on = open(book[0], book[1], book[2], true, wait)) {
                System.out.println(on.description());
                System.out.println(on.unthrottled(trial).describe());
                final Result held = on.find(trial, hold);
                for (final Result step : on.trials()) {
                    System.out.println("  trial: " + step.describe());
                }
                System.out.println(held.describe());
            }
            try (SustainedThroughput off = open(book[0], book[1], book[2], false, wait)) {
                System.out.println(off.unthrottled(trial).describe());
            }
            System.out.flush();
        }
    }
}
