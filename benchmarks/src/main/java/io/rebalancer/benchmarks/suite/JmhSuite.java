package io.rebalancer.benchmarks.suite;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Runs every JMH benchmark in the jar (or those matching a pattern) with the GC profiler, at the mode's iteration
 * counts, and turns the results into {@link JmhRow}s. JMH's own JSON goes beside the suite's results.
 */
public final class JmhSuite {
    private final SuiteMode mode;
    private final String include;

    /**
     * @param include a JMH include pattern (a regular expression on the benchmark's full name); {@code .*} for all
     */
    public JmhSuite(final SuiteMode mode, final String include) {
        this.mode = mode;
        this.include = include;
    }

    /** Runs the benchmarks; JMH prints its progress to standard out and writes {@code jmh.json} in {@code out}. */
    public List<JmhRow> run(final Path out) throws RunnerException {
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include(include)
            .addProfiler(GCProfiler.class)
            .forks(mode.jmhForks())
            .warmupIterations(mode.jmhWarmupIterations())
            .warmupTime(TimeValue.milliseconds(mode.jmhIterationMillis()))
            .measurementIterations(mode.jmhMeasureIterations())
            .measurementTime(TimeValue.milliseconds(mode.jmhIterationMillis()))
            .resultFormat(ResultFormatType.JSON)
            .result(out.resolve("jmh.json").toString())
            .shouldFailOnError(true);
        return rows(new Runner(options.build()).run());
    }

    @SuppressWarnings("rawtypes") // JMH's secondary results are a raw Map<String, Result>
    static List<JmhRow> rows(final Collection<RunResult> results) {
        final List<JmhRow> rows = new ArrayList<>(results.size());
        for (final RunResult result : results) {
            final BenchmarkParams params = result.getParams();
            final String fullName = params.getBenchmark();
            final int methodDot = fullName.lastIndexOf('.');
            final String className = fullName.substring(0, methodDot);
            final Result<?> primary = result.getPrimaryResult();
            final Map<String, Result> secondary = result.getSecondaryResults();
            rows.add(new JmhRow(className.substring(className.lastIndexOf('.') + 1),
                fullName.substring(methodDot + 1), paramText(params), primary.getScore(), primary.getScoreError(),
                primary.getScoreUnit(), secondaryScore(secondary, "gc.alloc.rate.norm"),
                secondaryScore(secondary, "gc.count")));
        }
        return rows;
    }

    private static String paramText(final BenchmarkParams params) {
        final StringJoiner text = new StringJoiner(",");
        for (final String key : params.getParamsKeys()) {
            text.add(key + "=" + params.getParam(key));
        }
        return text.toString();
    }

    /** JMH has named its profiler's results with and without a leading middle dot; accept either. */
    @SuppressWarnings("rawtypes")
    private static double secondaryScore(final Map<String, Result> secondary, final String name) {
        for (final Map.Entry<String, Result> entry : secondary.entrySet()) {
            final String key = entry.getKey();
            if (key.equals(name) || key.endsWith("\u00b7" + name)) {
                return entry.getValue().getScore();
            }
        }
        return Double.NaN;
    }
}
