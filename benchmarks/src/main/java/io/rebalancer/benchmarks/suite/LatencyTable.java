package io.rebalancer.benchmarks.suite;

import io.rebalancer.benchmarks.harness.ScenarioResult;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/** The latency harness's results: one row per scenario and offered rate, percentiles from intended send times. */
final class LatencyTable {
    private LatencyTable() {
    }

    static String render(final List<ScenarioResult> results) {
        final TextTable table = new TextTable("scenario", "journal", ">offered/s", ">achieved/s", ">count", ">p50",
            ">p90", ">p99", ">p99.9", ">max", ">B/event", ">GCs");
        final Set<String> notes = new LinkedHashSet<>();
        for (final ScenarioResult result : results) {
            table.row(result.name(), result.journal() ? "on" : "off", ScenarioResult.rateLabel(
                result.offeredPerSecond()), rate(result.achievedPerSecond()), Long.toString(result.count()),
                nanos(result.percentile(50)), nanos(result.percentile(90)), nanos(result.percentile(99)),
                nanos(result.percentile(99.9)), nanos(result.histogram().getMaxValue()),
                JmhTable.bytes(result.allocatedBytesPerEvent()), Long.toString(result.gcCount()));
            if (!result.note().isEmpty()) {
                notes.add("- " + result.key() + ": " + result.note());
            }
        }
        return table + "\n" + String.join("\n", notes) + "\n";
    }

    /** {@code 812 ns}, {@code 4.7 µs}, {@code 12.3 ms}, {@code 1.20 s}. */
    static String nanos(final long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String rate(final double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }
}
