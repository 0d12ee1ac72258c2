package io.rebalancer.marketdata.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lines a source could not read: counted, and the first few kept as text with their line number for the
 * status output. Written by the feed's thread only; read by any. Keeping a sample allocates, which is fine: it
 * happens at most {@link #SAMPLES} times per file; counting allocates nothing.
 */
final class BadLines {
    /** Samples kept: the first ones show what is wrong with a file; a thousand more would show the same. */
    static final int SAMPLES = 5;
    /** Characters of a line's text kept in its sample. */
    private static final int SAMPLE_CHARS = 120;

    private final AtomicLong count = new AtomicLong();
    private final List<String> samples = new ArrayList<>(SAMPLES);
    /** The feed thread's own count of samples kept, so a full list costs no lock. */
    private int sampled;

    /** Feed thread: one more bad line, {@code bytes[start, end)} its text. */
    void record(final long lineNumber, final LineProblem problem, final byte[] bytes, final int start,
        final int end) {
        count.lazySet(count.get() + 1);
        if (sampled < SAMPLES) {
            sampled++;
            final int length = Math.min(end - start, SAMPLE_CHARS);
            final String sample = "line " + lineNumber + ": " + problem.description()
                + (length > 0 ? ": " + new String(bytes, start, length, StandardCharsets.UTF_8) : "")
                + (end - start > length ? "..." : "");
            synchronized (samples) {
                samples.add(sample);
            }
        }
    }

    /** Any thread. */
    long count() {
        return count.get();
    }

    /** Any thread: the first few bad lines, oldest first; allocates. */
    List<String> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }
}
