package io.rebalancer.benchmarks.suite;

import io.rebalancer.benchmarks.harness.SustainedThroughput;
import io.rebalancer.engine.domain.WaitStrategyKind;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sustained-throughput question for both books: the highest tick rate held with journaling on (searched
 * with short trials, then held for the mode's hold time: a minute in full mode), and the unthrottled ceiling with
 * journaling off beside it, which says what the journal costs at the limit.
 */
final class SustainedSuite {
    /** The robo-advisor book: 1,000 accounts of 40 from a universe of 500 (see ClientBook). */
    private static final int[][] BOOKS = {{1, 100, 100}, {1_000, 40, 500}};

    private final SuiteMode mode;
    private final WaitStrategyKind wait;

    SustainedSuite(final SuiteMode mode, final WaitStrategyKind wait) {
        this.mode = mode;
        this.wait = wait;
    }

    List<SustainedThroughput.Result> run(final Path out, final PrintStream console) throws IOException {
        final long trial = mode.trialMillis() * 1_000_000L;
        final long hold = mode.holdMillis() * 1_000_000L;
        final List<SustainedThroughput.Result> results = new ArrayList<>();
        final StringBuilder trials = new StringBuilder();
        for (final int[] book : BOOKS) {
            try (SustainedThroughput journaled = SustainedThroughput.open(book[0], book[1], book[2], true, wait)) {
                console.println("sustained: " + journaled.description());
                results.add(journaled.find(trial, hold));
                for (final SustainedThroughput.Result step : journaled.trials()) {
                    trials.append(step.describe()).append('\n');
                }
            }
            try (SustainedThroughput bare = SustainedThroughput.open(book[0], book[1], book[2], false, wait)) {
                console.println("sustained: " + bare.description());
                results.add(bare.unthrottled(trial));
            }
        }
        Files.writeString(out.resolve("sustained.json"), json(results), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("sustained-trials.txt"), trials, StandardCharsets.UTF_8);
        return results;
    }

    static String render(final List<SustainedThroughput.Result> results) {
        final TextTable table = new TextTable("book", "journal", ">offered/s", ">achieved/s", "held", ">seconds",
            "limit", ">engine ns/tick", ">waiting for CPU", ">journal B/tick", ">journal MB/s", ">B/tick", ">GCs");
        for (final SustainedThroughput.Result result : results) {
            table.row(result.name(), result.journal() ? "on" : "off",
                result.offeredPerSecond() > 0 ? LatencyTable.rate(result.offeredPerSecond()) : "unthrottled",
                LatencyTable.rate(result.achievedPerSecond()), result.offeredPerSecond() > 0
                    ? result.held() ? "yes" : "NO" : "", String.format(Locale.ROOT, "%.1f", result.seconds()),
                result.limit().name(), JmhTable.number(result.engineNanosPerTick()),
                percent(result.engineWaitingForCpu()), JmhTable.number(result.journalBytesPerTick()),
                JmhTable.number(result.journalMegabytesPerSecond()), JmhTable.bytes(result.allocatedBytesPerTick()),
                Long.toString(result.gcCount()));
        }
        final StringBuilder notes = new StringBuilder();
        for (final SustainedThroughput.Result result : results) {
            notes.append("- ").append(result.name()).append(": ").append(result.note()).append('\n');
        }
        return table + "\n" + notes;
    }

    private static String percent(final double share) {
        return share < 0 ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static String json(final List<SustainedThroughput.Result> results) {
        final StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < results.size(); i++) {
            out.append("  ").append(results.get(i).json()).append(i + 1 < results.size() ? ",\n" : "\n");
        }
        return out.append("]\n").toString();
    }
}
