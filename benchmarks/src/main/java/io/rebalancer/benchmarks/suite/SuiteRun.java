package io.rebalancer.benchmarks.suite;

import io.rebalancer.benchmarks.harness.ScenarioResult;
import io.rebalancer.benchmarks.harness.SustainedThroughput;
import io.rebalancer.engine.domain.WaitStrategyKind;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of the suite: the JMH benchmarks, then the latency harness, then the sustained-throughput search, each
 * printed as a table and written under the output directory with a {@code summary.md} of all of them and the
 * machine it ran on.
 */
public final class SuiteRun {
    /**
     * The engine's consumer (and every floor's) waits by yielding: the latency a desk would configure, and the
     * same for every scenario so the ratios are fair. With the injector spinning for its last 80 µs that is at
     * most two threads on CPU, which this 2-core box can carry only while nothing else runs.
     */
    static final WaitStrategyKind WAIT = WaitStrategyKind.YIELDING;

    private final SuiteMode mode;
    private final String only;
    private final String include;
    private final Path out;

    /**
     * @param only    {@code jmh}, {@code latency} or {@code sustained} to run one part; null for all
     * @param include JMH include pattern
     */
    public SuiteRun(final SuiteMode mode, final String only, final String include, final Path out) {
        if (only != null && !List.of("jmh", "latency", "sustained").contains(only)) {
            throw new IllegalArgumentException("--only takes jmh, latency or sustained, not " + only);
        }
        this.mode = mode;
        this.only = only;
        this.include = include;
        this.out = out;
    }

    /** Runs the parts asked for; returns the summary written to {@code summary.md}. */
    public String run(final PrintStream console) throws Exception {
        Files.createDirectories(out);
        final StringBuilder summary = new StringBuilder(4096)
            .append("# Rebalancer benchmark suite: ").append(mode.name().toLowerCase(java.util.Locale.ROOT))
            .append(" mode\n\n").append(Machine.describe()).append("\n\n");
        if (wants("jmh")) {
            final List<JmhRow> rows = new JmhSuite(mode, include).run(out);
            summary.append("## JMH (ns/op unless stated; B/op from -prof gc)\n\n").append(JmhTable.render(rows))
                .append('\n');
        }
        if (wants("latency")) {
            final List<ScenarioResult> latency = new LatencySuite(mode, WAIT).run(out, console);
            summary.append("## Latency from intended send time (HdrHistogram; p99.9 and max are the VM's)\n\n")
                .append(LatencyTable.render(latency)).append("\n### Against the floors, same run\n\n")
                .append(FloorRatios.render(latency)).append('\n');
        }
        if (wants("sustained")) {
            final List<SustainedThroughput.Result> sustained = new SustainedSuite(mode, WAIT).run(out, console);
            summary.append("## Sustained throughput (ticks/s through ring, engine and journal; ")
                .append(mode.holdMillis() / 1000).append(" s hold)\n\n").append(SustainedSuite.render(sustained))
                .append('\n');
        }
        writeSummary(summary.toString());
        console.println();
        console.println(summary);
        console.println("results: " + out.toAbsolutePath());
        return summary.toString();
    }

    private boolean wants(final String part) {
        return only == null || only.equals(part);
    }

    private void writeSummary(final String summary) throws IOException {
        Files.writeString(out.resolve("summary.md"), summary, StandardCharsets.UTF_8);
    }
}
