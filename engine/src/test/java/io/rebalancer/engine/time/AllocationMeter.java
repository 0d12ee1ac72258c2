package io.rebalancer.engine.time;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the calling thread, from HotSpot's per-thread counter (which includes the current TLAB),
 * for tests asserting that a hot-path call allocates nothing. Public so tests in other packages can use it.
 */
public final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
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
