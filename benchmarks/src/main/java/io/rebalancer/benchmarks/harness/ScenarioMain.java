package io.rebalancer.benchmarks.harness;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The {@code main} of each floor and scenario, for indicative figures while developing (the suite runner takes the
 * real ones): the arguments are offered rates per second (10k, 100k and 1M when none), each run after a 3 s warm-up
 * for 5 s, one line per result on standard output.
 */
final class ScenarioMain {
    private static final double[] DEFAULT_RATES = {10_000, 100_000, 1_000_000};
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final long MEASURE_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** A floor or scenario at one rate: its results (two for the FIX floor and the engine's scenarios). */
    interface Scenario {
        List<ScenarioResult> measure(double offeredPerSecond, long warmupNanos, long measureNanos);
    }

    private ScenarioMain() {
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

    /** Key (name, journal, rate), rates, percentiles in microseconds, allocation, GCs and the note. */
    static String line(final ScenarioResult result) {
        return String.format(Locale.ROOT, "%-28s offered %9.0f/s achieved %11.1f/s n=%-8d p50 %8.2f p90 %8.2f"
            + " p99 %9.2f p99.9 %9.2f max %10.2f us  %.2f B/event  %d GCs  %s", result.key(),
            result.offeredPerSecond(), result.achievedPerSecond(), result.count(), micros(result.percentile(50)),
            micros(result.percentile(90)), micros(result.percentile(99)), micros(result.percentile(99.9)),
            micros(result.histogram().getMaxValue()), result.allocatedBytesPerEvent(), result.gcCount(),
            result.note());
    }

    private static double micros(final long nanos) {
        return nanos / 1_000.0;
    }
}
