package io.rebalancer.benchmarks.harness;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The {@code main} of each floor, for indicative figures while developing (the suite runner takes the real ones):
 * the arguments are offered rates per second (10k, 100k and 1M when none), each run after a 3 s warm-up for 5 s,
 * one line per result on standard output.
 */
final class FloorCommandLine {
    static final double[] DEFAULT_RATES = {10_000, 100_000, 1_000_000};
    static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(3);
    static final long MEASURE_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** A floor at one rate: one result, or two for the FIX floor. */
    interface Scenario {
        List<ScenarioResult> measure(double offeredPerSecond, long warmupNanos, long measureNanos);
    }

    private FloorCommandLine() {
    }

    static void run(final String[] args, final Scenario scenario) {
        final double[] rates = args.length == 0 ? DEFAULT_RATES : new double[args.length];
        for (int i = 0; i < args.length; i++) {
            rates[i] = Double.parseDouble(args[i]);
        }
        final PrintStream out = System.out;
        for (final double rate : rates) {
            for (final ScenarioResult result : scenario.measure(rate, WARMUP_NANOS, MEASURE_NANOS)) {
                out.println(line(result));
            }
        }
    }

    /** {@code floor-disruptor-hop 10k: 10000/s achieved, p50 ... ns, 0.0 B/event, 0 GCs}. */
    static String line(final ScenarioResult result) {
        return String.format(Locale.ROOT,
            "%s %s: %.0f/s achieved, %d events, p50 %d p90 %d p99 %d p99.9 %d max %d ns, %.1f B/event, %d GCs; %s",
            result.name(), ScenarioResult.rateLabel(result.offeredPerSecond()), result.achievedPerSecond(),
            result.count(), result.percentile(50), result.percentile(90), result.percentile(99),
            result.percentile(99.9), result.histogram().getMaxValue(), result.allocatedBytesPerEvent(),
            result.gcCount(), result.note());
    }
}
