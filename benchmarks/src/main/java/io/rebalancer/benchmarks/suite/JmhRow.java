package io.rebalancer.benchmarks.suite;

/**
 * One JMH result as the suite reports it.
 *
 * @param benchmark   the class's simple name, e.g. {@code DriftUpdateBenchmark}
 * @param method      the benchmark method, e.g. {@code engineTick} or {@code naiveMapTick}
 * @param params      its JMH parameters as {@code name=value} joined by commas; empty for none
 * @param score       the primary score
 * @param error       the score's 99.9% error half-width; NaN when JMH could not compute one (one iteration)
 * @param unit        the score's unit, e.g. {@code ns/op}
 * @param bytesPerOp  {@code gc.alloc.rate.norm}: bytes allocated per operation; NaN without the GC profiler
 * @param gcCount     collections during the measurement; NaN without the GC profiler
 */
public record JmhRow(String benchmark, String method, String params, double score, double error, String unit,
    double bytesPerOp, double gcCount) {

    /** Naive baselines are the methods named {@code naive...}; the suite reports each row's ratio to them. */
    public boolean isNaive() {
        return method.startsWith("naive");
    }

    /** Floors are the methods named {@code raw...} or {@code floor...}: the building block with no code of ours. */
    public boolean isFloor() {
        return method.startsWith("raw") || method.startsWith("floor") || method.startsWith("bare");
    }
}
