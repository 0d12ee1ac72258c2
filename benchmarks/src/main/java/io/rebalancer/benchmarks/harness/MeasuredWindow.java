package io.rebalancer.benchmarks.harness;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What one thread allocated and how many collections the JVM ran between {@link #open} and {@link #close}, the
 * two figures beside every latency table. Allocation is HotSpot's per-thread counter
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}), exact to the byte and independent of timing.
 */
public final class MeasuredWindow {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long threadId;
    private final long allocatedAtOpen;
    private final long collectionsAtOpen;
    private final long openedNanos;
    private long allocated = -1;
    private long collections;
    private long elapsedNanos;

    private MeasuredWindow(final long threadId) {
        this.threadId = threadId;
        // Counting collections allocates (the MXBean list), so it comes before the allocation reading, and after it
        // in close(): otherwise a window on its own thread would count its own bookkeeping.
        this.collectionsAtOpen = totalCollections();
        this.allocatedAtOpen = THREADS.getThreadAllocatedBytes(threadId);
        this.openedNanos = System.nanoTime();
    }

    /** Starts counting for {@code thread}, which must be alive. */
    public static MeasuredWindow open(final Thread thread) {
        return new MeasuredWindow(thread.getId());
    }

    /** Stops counting; call while the thread is still alive (a dead thread's counter reads -1). */
    public MeasuredWindow close() {
        final long now = THREADS.getThreadAllocatedBytes(threadId);
        allocated = now < 0 ? -1 : now - allocatedAtOpen;
        collections = totalCollections() - collectionsAtOpen;
        elapsedNanos = System.nanoTime() - openedNanos;
        return this;
    }

    /** Bytes allocated per event over the window; -1 when the thread's counter could not be read. */
    public double bytesPer(final long events) {
        return allocated < 0 || events == 0 ? -1 : (double) allocated / events;
    }

    public long allocatedBytes() {
        return allocated;
    }

    private static long totalCollections() {
        long total = 0;
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionCount());
        }
        return total;
    }

    public long gcCount() {
        return collections;
    }

    /** Events per second over the window. */
    public double ratePerSecond(final long events) {
        return elapsedNanos == 0 ? 0 : events * 1e9 / elapsedNanos;
    }
}
