package io.rebalancer.benchmarks.harness;

import org.HdrHistogram.Histogram;

/**
 * One latency scenario at one offered rate: what was offered, what got through, the latency distribution measured
 * from intended send times, and what the measured thread allocated and the JVM collected while it ran.
 *
 * @param name                 the scenario, e.g. {@code tick-to-intent} or {@code floor-disruptor-hop}
 * @param journal              whether the engine journaled (floors: false)
 * @param offeredPerSecond     the rate the injector was asked for
 * @param achievedPerSecond    events measured divided by the measurement's wall time
 * @param histogram            latencies in nanoseconds from each event's intended send time
 * @param allocatedBytesPerEvent bytes the measured thread (the engine's, for engine scenarios) allocated per event
 *                             in the measurement window; -1 when not measured
 * @param gcCount              collections of any collector during the measurement window
 * @param note                 one line on what limited or qualified the figure; empty for none
 */
public record ScenarioResult(String name, boolean journal, double offeredPerSecond, double achievedPerSecond,
    Histogram histogram, double allocatedBytesPerEvent, long gcCount, String note) {

    public long count() {
        return histogram.getTotalCount();
    }

    /** A percentile in nanoseconds, e.g. {@code 99.9}. */
    public long percentile(final double percentile) {
        return histogram.getValueAtPercentile(percentile);
    }

    /** The scenario's name with its qualifiers, unique within a run: also the name of its histogram log. */
    public String key() {
        return name + (journal ? "-journal" : "") + "-" + rateLabel(offeredPerSecond);
    }

    /** {@code 10k}, {@code 1M}, {@code 250k}: how rates are written in tables and file names. */
    public static String rateLabel(final double perSecond) {
        if (perSecond >= 1_000_000 && perSecond % 1_000_000 == 0) {
            return (long) (perSecond / 1_000_000) + "M";
        }
        if (perSecond >= 1_000 && perSecond % 1_000 == 0) {
            return (long) (perSecond / 1_000) + "k";
        }
        return Long.toString((long) perSecond);
    }
}
