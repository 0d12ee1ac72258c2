package io.rebalancer.benchmarks.harness;

import java.util.Locale;

/** One line per result for the scenarios' own {@code main}s (the suite prints its own table). */
final class LatencyLine {
    private static final double[] DEFAULT_RATES = {10_000, 100_000, 1_000_000};

    private LatencyLine() {
    }

    /** The rates given as arguments (plain numbers a second), or 10k, 100k and 1M. */
    static double[] rates(final String[] args) {
        if (args.length == 0) {
            return DEFAULT_RATES.clone();
        }
        final double[] rates = new double[args.length];
        for (int i = 0; i < args.length; i++) {
            rates[i] = Double.parseDouble(args[i]);
        }
        return rates;
    }

    /** Name, rates, percentiles in microseconds, allocation, GCs and the note. */
    static String format(final ScenarioResult result) {
        return String.format(Locale.ROOT, "%-28s offered %9.0f/s achieved %11.1f/s n=%-8d p50 %8.2f p90 %8.2f"
            + " p99 %9.2f p99.9 %9.2f max %10.2f us  %.2f B/tick  %d GCs  %s", result.key(), result.offeredPerSecond(),
            result.achievedPerSecond(), result.count(), micros(result.percentile(50)), micros(result.percentile(90)),
            micros(result.percentile(99)), micros(result.percentile(99.9)), micros(result.histogram().getMaxValue()),
            result.allocatedBytesPerEvent(), result.gcCount(), result.note());
    }

    private static double micros(final long nanos) {
        return nanos / 1_000.0;
    }
}
