package io.rebalancer.benchmarks;

import io.rebalancer.benchmarks.suite.SuiteMode;
import io.rebalancer.benchmarks.suite.SuiteRun;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The benchmark jar's entry point: one command for the whole suite.
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar [quick|full] [--only jmh|latency|sustained] [--include REGEX]
 *                                              [--out DIR]
 *   java -jar benchmarks/target/benchmarks.jar jmh [JMH's own options]
 * </pre>
 * {@code quick} (the default) takes a few minutes, {@code full} about 22 minutes; both run the JMH benchmarks
 * with the GC profiler, then the latency harness and the sustained-throughput search, print one table per part and
 * write machine-readable results and HdrHistogram logs under {@code benchmarks/target/results/} (or
 * {@code --out}). {@code jmh} hands the rest of the line to JMH's own command line.
 */
public final class BenchmarkSuite {
    private BenchmarkSuite() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // Chronicle would look for its analytics and announcer hosts, which this machine cannot reach; the JMH forks
        // get the same two properties from their @Fork arguments.
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        SuiteMode mode = SuiteMode.QUICK;
        String only = null;
        String include = ".*";
        Path out = defaultOut();
        for (int i = 0; i < args.length; i++) {
            final String arg = args[i];
            switch (arg) {
                case "quick", "full", "smoke" -> mode = SuiteMode.valueOf(arg.toUpperCase(Locale.ROOT));
                case "--only" -> only = value(args, ++i, arg);
                case "--include" -> include = value(args, ++i, arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + arg);
                    usage();
                    System.exit(2);
                }
            }
        }
        new SuiteRun(mode, only, include, out).run(System.out);
    }

    private static String value(final String[] args, final int index, final String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }

    /** Beside the jar: {@code benchmarks/target/results} when run as {@code java -jar benchmarks/target/...}. */
    private static Path defaultOut() {
        try {
            final Path jar = Path.of(BenchmarkSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().resolve("results");
        } catch (final Exception e) {
            return Path.of("target", "results");
        }
    }

    private static void usage() {
        System.out.println("usage: java -jar benchmarks.jar [quick|full] [--only jmh|latency|sustained]"
            + " [--include REGEX] [--out DIR]\n       java -jar benchmarks.jar jmh [JMH options]");
    }
}
