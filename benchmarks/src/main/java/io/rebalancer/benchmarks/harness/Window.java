package io.rebalancer.benchmarks.harness;

import java.lang.management.ManagementFactory;

/**
 * What one throughput trial measured in its window, taken on the producer's thread at the window's two edges (open
 * and close it there) and from the backlog samples in between. Counts are ticks; fractions are of the window's wall
 * time unless said. CPU time per tick includes a thread's waits: it is the thread's work per tick only while it never
 * waits (the engine with a full ring, the producer unthrottled).
 */
final class Window {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final ThroughputPipeline pipeline;
    private final Thread engineThread;
    private final long startNanos;
    private final long dueAtStart;
    private final long publishedAtStart;
    private final long consumedAtStart;
    private final long engineCpuAtStart;
    private final long engineUserAtStart;
    private final long producerCpuAtStart;
    private final ThreadSchedule engineSchedule;
    private final long engineWaitAtStart;
    private final ThreadSchedule producerSchedule = ThreadSchedule.current();
    private final long producerWaitAtStart;
    private final MeasuredWindow engineAllocation;

    private long nanos;
    private long due;
    private long published;
    private long consumed;
    private long stalledNanos;
    private long maxBacklog;
    private long endBacklog;
    private double firstQuarterBacklog;
    private double lastQuarterBacklog;
    private double ringFill;
    private double engineCpu;
    private double engineKernel;
    private double engineWaitingForCpu;
    private double producerWaitingForCpu;
    private double producerCpu;
    private boolean diskLow;

    Window(final ThroughputPipeline pipeline, final long now, final long dueNow, final long publishedNow) {
        this.pipeline = pipeline;
        engineThread = pipeline.engineThread();
        startNanos = now;
        dueAtStart = dueNow;
        publishedAtStart = publishedNow;
        consumedAtStart = pipeline.consumed();
        engineCpuAtStart = cpuNanos(engineThread);
        engineUserAtStart = userNanos(engineThread);
        producerCpuAtStart = cpuNanos(Thread.currentThread());
        engineSchedule = ThreadSchedule.of(engineThread == null ? "" : engineThread.getName());
        engineWaitAtStart = engineSchedule.waitNanos();
        producerWaitAtStart = producerSchedule.waitNanos();
        engineAllocation = engineThread == null ? null : MeasuredWindow.open(engineThread);
    }

    /**
     * Closes the window at {@code now}; {@code backlogs} and {@code fills} hold {@code samples} samples, and ticks may
     * take {@code tickCapacity} slots of the ring.
     */
    Window close(final long now, final long dueNow, final long publishedNow, final long stalled, final long[] backlogs,
        final long[] fills, final int samples, final int tickCapacity, final boolean stoppedForDisk) {
        final long consumedNow = pipeline.consumed();
        if (engineAllocation != null) {
            engineAllocation.close();
        }
        nanos = Math.max(1, now - startNanos);
        published = publishedNow - publishedAtStart;
        due = Math.max(dueNow, publishedNow) - Math.max(dueAtStart, publishedAtStart);
        consumed = consumedNow - consumedAtStart;
        stalledNanos = stalled;
        engineCpu = share(cpuNanos(engineThread), engineCpuAtStart);
        final double engineUser = share(userNanos(engineThread), engineUserAtStart);
        engineKernel = engineCpu < 0 || engineUser < 0 ? -1 : Math.max(0, engineCpu - engineUser);
        producerCpu = share(cpuNanos(Thread.currentThread()), producerCpuAtStart);
        engineWaitingForCpu = share(engineSchedule.waitNanos(), engineWaitAtStart);
        producerWaitingForCpu = share(producerSchedule.waitNanos(), producerWaitAtStart);
        endBacklog = Math.max(dueNow, publishedNow) - consumedNow;
        maxBacklog = endBacklog;
        double fill = 0;
        for (int i = 0; i < samples; i++) {
            maxBacklog = Math.max(maxBacklog, backlogs[i]);
            fill += fills[i];
        }
        final int quarter = Math.max(1, samples / 4);
        firstQuarterBacklog = mean(backlogs, 0, Math.min(quarter, samples));
        lastQuarterBacklog = mean(backlogs, Math.max(0, samples - quarter), samples);
        ringFill = samples == 0 ? 0 : fill / samples / tickCapacity;
        diskLow = stoppedForDisk;
        return this;
    }

    /** CPU time of a thread in nanoseconds, user and kernel; -1 when unknown. */
    private static long cpuNanos(final Thread thread) {
        return thread == null ? -1 : THREADS.getThreadCpuTime(thread.getId());
    }

    /** CPU time of a thread in user mode only; -1 when unknown. */
    private static long userNanos(final Thread thread) {
        return thread == null ? -1 : THREADS.getThreadUserTime(thread.getId());
    }
    private double share(final long cpuNow, final long cpuAtStart) {
        return cpuNow < 0 || cpuAtStart < 0 ? -1 : (double) (cpuNow - cpuAtStart) / nanos;
    }

    private static double mean(final long[] values, final int from, final int to) {
        if (to <= from) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    /** The window's wall time. */
    long nanos() {
        return nanos;
    }

    /** Ticks that fell due in the window (unthrottled: those published). */
    long due() {
        return due;
    }

    long published() {
        return published;
    }

    /** Ticks the engine's stage finished with in the window. */
    long consumed() {
        return consumed;
    }

    /** Time the producer spent parked on a full ring. */
    long stalledNanos() {
        return stalledNanos;
    }

    /** The most ticks due and not yet consumed at any sample (the producer's lag plus the ring's fill). */
    long maxBacklog() {
        return maxBacklog;
    }

    long endBacklog() {
        return endBacklog;
    }

    double firstQuarterBacklog() {
        return firstQuarterBacklog;
    }

    double lastQuarterBacklog() {
        return lastQuarterBacklog;
    }

    /** The ring's mean fill over the samples, as a fraction of the slots ticks may take. */
    double ringFill() {
        return ringFill;
    }

    /** The engine thread's CPU time over the window's wall time; -1 when unknown. */
    double engineCpu() {
        return engineCpu;
    }

    /** The part of {@link #engineCpu} spent in the kernel (page faults on the journal's mapped file, mostly). */
    double engineKernel() {
        return engineKernel;
    }

    /** The time the engine thread was runnable but waited for a CPU (the box was busy); -1 when unknown. */
    double engineWaitingForCpu() {
        return engineWaitingForCpu;
    }

    /** The time the producer thread was runnable but waited for a CPU; -1 when unknown. */
    double producerWaitingForCpu() {
        return producerWaitingForCpu;
    }

    double producerCpu() {
        return producerCpu;
    }

    /** Bytes the engine thread allocated in the window; -1 when unknown. */
    long engineAllocatedBytes() {
        return engineAllocation == null ? -1 : engineAllocation.allocatedBytes();
    }

    long gcCount() {
        return engineAllocation == null ? 0 : engineAllocation.gcCount();
    }

    boolean diskLow() {
        return diskLow;
    }
}
