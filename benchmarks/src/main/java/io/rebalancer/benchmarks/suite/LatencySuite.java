package io.rebalancer.benchmarks.suite;

import io.rebalancer.benchmarks.harness.ChronicleAppendFloor;
import io.rebalancer.benchmarks.harness.DisruptorHopFloor;
import io.rebalancer.benchmarks.harness.EngineIntentLatency;
import io.rebalancer.benchmarks.harness.QuickFixFloor;
import io.rebalancer.benchmarks.harness.ResultsWriter;
import io.rebalancer.benchmarks.harness.ScenarioResult;
import io.rebalancer.benchmarks.harness.VenueOrderLatency;
import io.rebalancer.engine.domain.WaitStrategyKind;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The latency harness at the mode's offered rates: the floors first (raw Disruptor hop, raw Chronicle append, raw
 * QuickFIX/J one-way and round trip), then the engine's own paths with journaling off and on (tick to order intent,
 * tick to NewOrderSingle at the venue simulator), all in this one JVM so the ratios compare like with like. Each
 * scenario is set up once and measured at every rate in turn, warming up at each.
 */
final class LatencySuite {
    private final SuiteMode mode;
    private final WaitStrategyKind wait;

    LatencySuite(final SuiteMode mode, final WaitStrategyKind wait) {
        this.mode = mode;
        this.wait = wait;
    }

    List<ScenarioResult> run(final Path out, final PrintStream console) {
        final long warmup = mode.warmupMillis() * 1_000_000L;
        final long measure = mode.measureMillis() * 1_000_000L;
        final List<ScenarioResult> results = new ArrayList<>();
        try (DisruptorHopFloor hop = new DisruptorHopFloor(wait)) {
            for (final double rate : mode.tickRates()) {
                results.add(report(console, hop.measure(rate, warmup, measure)));
            }
        }
        try (ChronicleAppendFloor append = new ChronicleAppendFloor()) {
            for (final double rate : mode.tickRates()) {
                results.add(report(console, append.measure(rate, warmup, measure)));
            }
        }
        try (QuickFixFloor quickFix = new QuickFixFloor()) {
            for (final double rate : mode.orderRates()) {
                results.addAll(report(console, quickFix.measureBoth(rate, warmup, measure)));
            }
        }
        for (final boolean journal : new boolean[] {false, true}) {
            try (EngineIntentLatency intent = new EngineIntentLatency(wait, journal)) {
                for (final double rate : mode.tickRates()) {
                    results.addAll(report(console, intent.measureAll(rate, warmup, measure)));
                }
            }
        }
        for (final boolean journal : new boolean[] {false, true}) {
            try (VenueOrderLatency venue = new VenueOrderLatency(wait, journal)) {
                for (final double rate : mode.tickRates()) {
                    results.addAll(report(console, venue.measureAll(rate, warmup, measure)));
                }
            }
        }
        new ResultsWriter(out).write(results);
        return results;
    }

    private static ScenarioResult report(final PrintStream console, final ScenarioResult result) {
        console.printf("latency: %-26s %-5s p50 %s, p99 %s, %s measured%n", result.key(),
            ScenarioResult.rateLabel(result.offeredPerSecond()), LatencyTable.nanos(result.percentile(50)),
            LatencyTable.nanos(result.percentile(99)), result.count());
        return result;
    }

    private static List<ScenarioResult> report(final PrintStream console, final List<ScenarioResult> results) {
        for (final ScenarioResult result : results) {
            report(console, result);
        }
        return results;
    }
}
