package io.rebalancer.benchmarks;

/**
 * The benchmark jar's entry point. For now it hands every argument to JMH; the suite runner (quick and full
 * modes, the latency harness, the table) replaces this.
 */
public final class BenchmarkSuite {
    private BenchmarkSuite() {
    }

    public static void main(final String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
