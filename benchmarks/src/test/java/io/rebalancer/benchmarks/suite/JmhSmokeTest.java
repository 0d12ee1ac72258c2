package io.rebalancer.benchmarks.suite;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JMH benchmark in the module runs for a moment, in this JVM, so none of them can rot between the runs
 * that publish figures. Checks only that each ran and produced a finite score; never a timing.
 */
final class JmhSmokeTest {
    @TempDir
    Path out;

    @Test
    void everyBenchmarkRunsAndScores() throws Exception {
        final Set<String> expected = benchmarkMethods();
        assertFalse(expected.isEmpty(), "no benchmarks compiled into META-INF/BenchmarkList");

        final List<JmhRow> rows = new JmhSuite(SuiteMode.SMOKE, ".*").run(out);

        final Set<String> ran = new TreeSet<>();
        for (final JmhRow row : rows) {
            ran.add(row.benchmark() + "." + row.method());
            assertTrue(Double.isFinite(row.score()) && row.score() > 0, () -> "no score: " + row);
        }
        assertEquals(expected, ran);
        assertTrue(Files.size(out.resolve("jmh.json")) > 0, "JMH's JSON was not written");
        assertFalse(JmhTable.render(rows).isBlank());
    }

    /** What the annotation processor listed: class simple name and method of each benchmark. */
    private static Set<String> benchmarkMethods() {
        final Set<String> methods = new TreeSet<>();
        final OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        for (final BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(silent, List.of())) {
            final String userClass = entry.getUserClassQName();
            final String method = entry.getUsername().substring(userClass.length() + 1);
            methods.add(userClass.substring(userClass.lastIndexOf('.') + 1) + "." + method);
        }
        return methods;
    }
}
