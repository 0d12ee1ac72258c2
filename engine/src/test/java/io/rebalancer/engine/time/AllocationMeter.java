package io.rebalancer.engine.time;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Bytes allocated by the calling thread, from HotSpot's per-thread counter (which includes the current TLAB),
 * for tests asserting that a hot-path call allocates nothing. Public so tests in other packages can use it.
 */
public final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    /** Where measured runs leave their result, so the JIT cannot drop the work. */
    private static volatile long sink;

    private AllocationMeter() {
    }

    /**
     * Runs {@code run} once to warm up, then up to {@code attempts} times measured, and returns the fewest bytes one
     * measured run allocated on this thread (stopping at the first that allocated none). A real allocation in the
     * measured code shows in every run; a JIT tier change on this thread, which allocates once, in one.
     */
    public static long fewestBytesAllocated(final LongSupplier run, final int attempts) {
        sink += run.getAsLong();
        final long overhead = measurementOverhead();
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < attempts && fewest > 0; attempt++) {
            final long before = allocatedBytes();
            final long result = run.getAsLong();
            fewest = Math.min(fewest, allocatedBytes() - before - overhead);
            sink += result;
        }
        return fewest;
    }

    /** Bytes the calling thread has allocated since it started. */
    public static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /**
     * What one measurement itself allocates: two back-to-back reads, repeated so lazy initialisation inside the
     * MXBean is over, keeping the smallest difference.
     */
    public static long measurementOverhead() {
        long overhead = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            final long before = allocatedBytes();
            final long after = allocatedBytes();
            overhead = Math.min(overhead, after - before);
        }
        return overhead;
    }
}
