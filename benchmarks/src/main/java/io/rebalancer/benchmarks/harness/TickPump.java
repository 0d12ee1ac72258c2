package io.rebalancer.benchmarks.harness;

import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.edge.EdgeSettings;

import java.util.concurrent.locks.LockSupport;

/**
 * The producer of a throughput trial, on the caller's thread: replays the {@link PriceTape} into the ring the way the
 * market-data edge publishes, several slots per claim ({@link InboundPublisher#tryClaimTicks}, {@code setTick},
 * {@code publish}) and never into the last quarter of the ring (the edge's headroom, kept for executions).
 * <p>
 * At an offered rate, tick {@code i} is due at {@link OfferedLoad#intendedNanos}; the pump publishes what is due in
 * claims of {@link #BATCH} (or sooner, once the oldest due tick has waited {@link #MAX_HOLD_NANOS}). When the ring
 * has no room it parks and counts the time as stalled; ticks that fall due meanwhile are published late, as soon as
 * room frees up. Unthrottled, it publishes claims of {@link #MAX_CLAIM} whenever there is room.
 * <p>
 * The trial settles first, then measures a {@link Window}: ticks due, published and consumed in it; a few thousand
 * times over, the backlog (ticks due but not yet consumed: the producer's lag plus the ring's fill) and the ring's
 * fill alone; each thread's CPU time and wait for a CPU, the engine thread's time in the kernel and its allocation;
 * collections. A trial ends early, rather than fill the disk, when the journal's disk runs low.
 */
final class TickPump {
    /** Ticks per claim at an offered rate: the chunk the daemon's market publishes between its checks. */
    static final int BATCH = 32;
    /** The most ticks one claim takes, when behind or unthrottled. */
    static final int MAX_CLAIM = 256;
    /** At low rates a tick waits at most this long for the rest of its batch: about one park on Linux. */
    static final long MAX_HOLD_NANOS = 50_000;
    /** Event time between ticks: the market quotes each instrument every {@code universe} microseconds. */
    static final long EVENT_STEP_NANOS = 1_000;
    private static final long EVENT_EPOCH_NANOS = 1_767_623_400_000_000_000L;
    /** Parked while the ring is full: it then holds three quarters of a ring of ticks, milliseconds of work. */
    private static final long FULL_PARK_NANOS = 20_000;
    private static final int MAX_SAMPLES = 4_096;
    private static final long MIN_SAMPLE_NANOS = 1_000_000;
    private static final long DISK_CHECK_NANOS = 1_000_000_000L;
    /** A trial ends early rather than fill the disk. */
    private static final long MIN_FREE_BYTES = 2L << 30;

    private final PriceTape tape;
    private final ThroughputPipeline pipeline;
    private final InboundPublisher publisher;
    private final int headroom;
    private final long[] backlogs = new long[MAX_SAMPLES];
    private final long[] fills = new long[MAX_SAMPLES];
    private int samples;
    private int tapeAt;
    private long eventTime = EVENT_EPOCH_NANOS;
    private long published;
    private long stalledNanos;

    TickPump(final PriceTape tape, final ThroughputPipeline pipeline) {
        this.tape = tape;
        this.pipeline = pipeline;
        publisher = pipeline.publisher();
        headroom = EdgeSettings.defaults(pipeline.ring().getBufferSize()).tickHeadroom();
    }

    /** Ticks published so far into this pump's pipeline. */
    long published() {
        return published;
    }

    /**
     * Runs one trial.
     *
     * @param ratePerSecond the offered rate; 0 or less publishes as fast as the ring takes ticks
     * @param settleNanos   run at the rate this long before the window opens
     * @param windowNanos   the measured window
     */
    Window run(final double ratePerSecond, final long settleNanos, final long windowNanos) {
        final long start = System.nanoTime();
        final OfferedLoad load = ratePerSecond > 0 ? new OfferedLoad(start, ratePerSecond) : null;
        final long sampleNanos = Math.max(MIN_SAMPLE_NANOS, windowNanos / MAX_SAMPLES);
        final long windowStart = start + settleNanos;
        long windowEnd = windowStart + windowNanos;
        Window window = null;
        long nextSample = windowStart;
        long nextDiskCheck = start;
        boolean diskLow = false;
        samples = 0;
        while (true) {
            final long now = System.nanoTime();
            if (window == null && now - windowStart >= 0) {
                window = new Window(pipeline, now, due(load, now), published);
                stalledNanos = 0;
            }
            if (now - windowEnd >= 0) {
                break;
            }
            if (window != null && now - nextSample >= 0) {
                sample(load, now);
                nextSample += sampleNanos;
            }
            if (now - nextDiskCheck >= 0) {
                nextDiskCheck = now + DISK_CHECK_NANOS;
                if (pipeline.usableSpace() < MIN_FREE_BYTES) {
                    diskLow = true;
                    windowEnd = now;
                    continue;
                }
            }
            step(load, now);
        }
        final long end = System.nanoTime();
        if (window == null) {
            window = new Window(pipeline, end, due(load, end), published);
        }
        return window.close(end, due(load, end), published, stalledNanos, backlogs, fills, samples,
            publisher.tickCapacity(headroom), diskLow);
    }

    /** Publishes one claim of what is due, or waits for the next batch or for room. */
    private void step(final OfferedLoad load, final long now) {
        final long outstanding = load == null ? MAX_CLAIM : due(load, now) - published;
        if (load != null) {
            // Wait for a batch, or for as many ticks as fall due while the oldest waits its longest.
            final long wanted = Math.min(BATCH, (long) (MAX_HOLD_NANOS / load.intervalNanos()) + 1);
            if (outstanding < wanted) {
                load.awaitIntended(published + wanted - 1);
                return;
            }
        }
        final int count = (int) Math.min(Math.min(outstanding, MAX_CLAIM), publisher.tickRoom(headroom));
        if (count == 0) {
            final long parked = System.nanoTime();
            LockSupport.parkNanos(FULL_PARK_NANOS);
            stalledNanos += System.nanoTime() - parked;
            return;
        }
        final long last = publisher.tryClaimTicks(count);
        if (last < 0) {
            return;
        }
        final long first = last - count + 1;
        for (long sequence = first; sequence <= last; sequence++) {
            final int at = tapeAt;
            final long mid = tape.mid(at);
            publisher.setTick(sequence, eventTime, tape.instrument(at), mid - PriceTape.HALF_SPREAD,
                mid + PriceTape.HALF_SPREAD, mid);
            eventTime += EVENT_STEP_NANOS;
            tapeAt = at + 1 == tape.length() ? 0 : at + 1;
        }
        publisher.publish(first, last);
        published += count;
    }

    /** Ticks due by {@code now}: those whose intended time has come; unthrottled, those published. */
    private long due(final OfferedLoad load, final long now) {
        if (load == null) {
            return published;
        }
        final long elapsed = now - load.intendedNanos(0);
        return elapsed < 0 ? 0 : (long) (elapsed / load.intervalNanos()) + 1;
    }

    private void sample(final OfferedLoad load, final long now) {
        if (samples == MAX_SAMPLES) {
            return;
        }
        final long consumed = pipeline.consumed();
        backlogs[samples] = Math.max(due(load, now), published) - consumed;
        fills[samples] = published - consumed;
        samples++;
    }
}
