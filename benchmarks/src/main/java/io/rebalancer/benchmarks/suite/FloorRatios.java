package io.rebalancer.benchmarks.suite;

import io.rebalancer.benchmarks.harness.DisruptorHopFloor;
import io.rebalancer.benchmarks.harness.EngineIntentLatency;
import io.rebalancer.benchmarks.harness.QuickFixFloor;
import io.rebalancer.benchmarks.harness.ScenarioResult;
import io.rebalancer.benchmarks.harness.VenueOrderLatency;

import java.util.List;

/**
 * The product's latency stated against the floors measured in the same run, at each offered tick rate, beside the
 * ratio it aims for: tick to intent within 1.5 times the raw Disruptor hop at p50; tick to NewOrderSingle at the
 * venue within 1.2 times the raw hop plus the raw QuickFIX/J one-way; journaling at most 10% at p50.
 */
final class FloorRatios {
    static final String HOP = DisruptorHopFloor.NAME;
    static final String QUICKFIX_ONE_WAY = QuickFixFloor.ONE_WAY;
    static final String INTENT = EngineIntentLatency.NAME;
    static final String VENUE = VenueOrderLatency.NAME;

    private FloorRatios() {
    }

    static String render(final List<ScenarioResult> results) {
        final TextTable table = new TextTable("ratio at p50", ">offered/s", ">this p50", ">floor p50", ">ratio",
            ">aim");
        final ScenarioResult oneWay = lowestRate(results, QUICKFIX_ONE_WAY);
        for (final ScenarioResult hop : all(results, HOP)) {
            final double rate = hop.offeredPerSecond();
            final ScenarioResult intent = find(results, INTENT, false, rate);
            final ScenarioResult intentJournal = find(results, INTENT, true, rate);
            final ScenarioResult venue = find(results, VENUE, false, rate);
            final ScenarioResult venueJournal = find(results, VENUE, true, rate);
            row(table, "tick-to-intent ÷ Disruptor hop", rate, intent, hop.percentile(50), "≤ 1.5×");
            row(table, "tick-to-intent journaled ÷ not", rate, intentJournal, p50(intent), "≤ 1.1×");
            if (oneWay != null) {
                row(table, "tick-to-venue ÷ (hop + QuickFIX/J one-way at "
                    + ScenarioResult.rateLabel(oneWay.offeredPerSecond()) + "/s)", rate, venue,
                    hop.percentile(50) + oneWay.percentile(50), "≤ 1.2×");
            }
            row(table, "tick-to-venue journaled ÷ not", rate, venueJournal, p50(venue), "≤ 1.1×");
        }
        return table.toString();
    }

    private static void row(final TextTable table, final String what, final double rate, final ScenarioResult result,
        final long floor, final String aim) {
        if (result == null || floor <= 0) {
            return;
        }
        final long p50 = result.percentile(50);
        table.row(what, ScenarioResult.rateLabel(rate), LatencyTable.nanos(p50), LatencyTable.nanos(floor),
            JmhTable.ratio((double) p50 / floor), aim);
    }

    private static long p50(final ScenarioResult result) {
        return result == null ? 0 : result.percentile(50);
    }

    private static List<ScenarioResult> all(final List<ScenarioResult> results, final String name) {
        return results.stream().filter(result -> result.name().equals(name)).toList();
    }

    private static ScenarioResult find(final List<ScenarioResult> results, final String name, final boolean journal,
        final double rate) {
        for (final ScenarioResult result : results) {
            if (result.name().equals(name) && result.journal() == journal && result.offeredPerSecond() == rate) {
                return result;
            }
        }
        return null;
    }

    private static ScenarioResult lowestRate(final List<ScenarioResult> results, final String name) {
        ScenarioResult lowest = null;
        for (final ScenarioResult result : all(results, name)) {
            if (lowest == null || result.offeredPerSecond() < lowest.offeredPerSecond()) {
                lowest = result;
            }
        }
        return lowest;
    }
}
