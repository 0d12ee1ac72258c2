package io.rebalancer.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where a thread's wall time went, from Linux's scheduler statistics ({@code /proc/self/task/<tid>/schedstat}): time
 * on a CPU, and time runnable but waiting for one (other threads and processes had the cores). The rest it was
 * blocked: waiting for work, or in the kernel (a page fault waiting for the disk, writeback throttling). That split
 * tells a busy box from a blocking journal when the engine thread is off CPU. Absent (every figure -1) elsewhere
 * than on Linux.
 */
final class ThreadSchedule {
    /** Linux keeps the first 15 bytes of a thread's name. */
    private static final int NAME_BYTES = 15;

    private final Path schedstat;

    private ThreadSchedule(final Path schedstat) {
        this.schedstat = schedstat;
    }

    /** The live thread named {@code name} in this process (the first found), or one that reads -1. */
    static ThreadSchedule of(final String name) {
        final String comm = name.length() > NAME_BYTES ? name.substring(0, NAME_BYTES) : name;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return new ThreadSchedule(tasks.filter(task -> comm.equals(read(task.resolve("comm"))))
                .map(task -> task.resolve("schedstat")).findFirst().orElse(null));
        } catch (final IOException | RuntimeException ex) {
            return new ThreadSchedule(null);
        }
    }

    /** The calling thread: read it from that thread only. */
    static ThreadSchedule current() {
        final Path self = Path.of("/proc/thread-self/schedstat");
        return new ThreadSchedule(Files.isReadable(self) ? self : null);
    }

    /** Nanoseconds runnable but waiting for a CPU so far (schedstat's second field); -1 when unknown. */
    long waitNanos() {
        final String line = schedstat == null ? null : read(schedstat);
        if (line == null) {
            return -1;
        }
        final String[] fields = line.split(" ");
        return fields.length > 1 ? Long.parseLong(fields[1]) : -1;
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (final IOException ex) {
            return null;
        }
    }
}
